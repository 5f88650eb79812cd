"""Names shared by the stance modules."""

SPEAKER_KINDS = ("person", "institution")
KEY = ["sid"]  # integer sentence id given by extract_statements: fast joins and windows
