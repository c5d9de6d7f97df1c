import codecs

import pytest

from summarize.errors import EmptyArticleError, NotTextError, TooLargeError
from summarize.ingest.decode import check_size, decode

TEXT = "Ministers from Chile and Perú met in Lima on Tuesday to discuss the water treaty.\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8"),
        (TEXT.encode("utf-16"), "utf-16"),  # Python writes a BOM
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
    ],
)
def test_unicode_inputs_decode_without_bom(data, encoding):
    decoded = decode(data)
    assert decoded.text == TEXT
    assert decoded.encoding == encoding
    assert not decoded.detected


def test_latin1_text_is_detected_and_reported():
    text = "La délégation française a été reçue à Genève par le ministre. " * 3
    decoded = decode(text.encode("latin-1"))
    assert decoded.text == text
    assert decoded.detected
    assert decoded.encoding != "utf-8"


def test_cp1252_quotes_survive():
    text = "The minister said \u201cwe will return\u201d and left \u2013 briefly. " * 3
    decoded = decode(text.encode("cp1252"))
    assert decoded.text == text


@pytest.mark.parametrize(
    "data",
    [
        b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04",
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)),
        b"plain words with a \x00 NUL byte inside",
    ],
)
def test_binary_input_is_refused(data):
    with pytest.raises(NotTextError, match="not a text file"):
        decode(data, "x.bin")


@pytest.mark.parametrize("data", [b"", b"   \n\t \r\n", codecs.BOM_UTF8 + b"  \n"])
def test_blank_input_is_an_empty_article(data):
    with pytest.raises(EmptyArticleError, match="empty article"):
        decode(data, "blank.txt")


def test_size_limit_names_the_size():
    with pytest.raises(TooLargeError, match=r"6,000,000 bytes.*5,000,000"):
        check_size(6_000_000, 5_000_000, "big.txt")
    check_size(5_000_000, 5_000_000, "ok.txt")
