"""decode_document's binary rule: control bytes beyond 1% of the first 64 KiB make a file binary."""

from monitor.decoding import decode_document

PAGE = b"Seoul (Yonhap) -- South Korea and Japan agreed on Tuesday to resume talks.\n" * 4


def test_a_few_stray_control_bytes_still_decode():
    data = PAGE + b"\x07\x1b"  # one bell under the 1% share; ESC is not counted
    decoded = decode_document(data)
    assert decoded.error is None
    assert decoded.text.startswith("Seoul (Yonhap)")


def test_control_bytes_above_one_percent_make_the_file_binary():
    data = PAGE + b"\x01\x02\x1c\x1f"
    assert decode_document(data).error == "binary: control bytes in what should be text"
