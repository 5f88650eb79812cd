"""Names shared by the stance modules."""

SPEAKER_KINDS = ("person", "institution")
KEY = ["sid"]  # integer sentence id given by extract_statements: fast joins and windows
# A demonym used as an adjective of a common noun ("Ukrainian security") is no actor that acts.
ADJECTIVE_DEMONYM = r"(ian|ean|ese|ish|ch)$"
