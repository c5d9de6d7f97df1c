"""Bytes to text: BOMs, UTF-8, legacy single-byte encodings; binary and oversized input refused."""

from __future__ import annotations

import codecs
import re

from pydantic import BaseModel, ConfigDict

from summarize.errors import EmptyArticleError, NotTextError, TooLargeError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# C0 controls other than tab, LF, VT, FF, CR (and ESC, which old newswire files carry), plus DEL.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
# Share of control characters above which decoded "text" is taken for binary data.
_MAX_CONTROL_SHARE = 0.01
# Legacy encodings tried, in order, when UTF-8 fails and detection gives nothing usable.
_FALLBACKS = ("cp1252", "latin-1")


class Decoded(BaseModel):
    model_config = ConfigDict(frozen=True)

    text: str
    encoding: str
    detected: bool


def check_size(size: int, max_bytes: int, name: str) -> None:
    """Raise TooLargeError when size is over the limit."""
    if size > max_bytes:
        raise TooLargeError(f"{name}: too large ({size:,} bytes; the limit is {max_bytes:,} bytes, see --max-bytes)")


def decode(data: bytes, name: str = "input") -> Decoded:
    """Decode input bytes; raise NotTextError for binary data, EmptyArticleError for blank input."""
    decoded = _decode(data, name)
    if _CONTROL.search(decoded.text):
        share = len(_CONTROL.findall(decoded.text)) / max(1, len(decoded.text))
        if "\x00" in decoded.text or share > _MAX_CONTROL_SHARE:
            raise NotTextError(f"{name}: not a text file (binary content)")
    if not decoded.text.strip():
        raise EmptyArticleError(f"{name}: empty article (no text)")
    return decoded


def _decode(data: bytes, name: str) -> Decoded:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(text=data.decode(encoding), encoding=encoding.replace("-sig", ""), detected=False)
            except UnicodeDecodeError as exc:
                raise NotTextError(f"{name}: not a text file (bad {encoding} after its BOM: {exc.reason})") from None
    if b"\x00" in data:
        raise NotTextError(f"{name}: not a text file (NUL bytes)")
    try:
        return Decoded(text=data.decode("utf-8"), encoding="utf-8", detected=False)
    except UnicodeDecodeError:
        pass
    return _detect_legacy(data, name)


def _detect_legacy(data: bytes, name: str) -> Decoded:
    # charset-normalizer rather than chardet: maintained, pure-Python fallback, and it
    # reports a confidence we can reject. Only single-byte results are trusted here: a
    # multi-byte guess on Western text is usually a misreading of Latin-1/cp1252 bytes.
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and _single_byte(best.encoding):
        return Decoded(text=str(best), encoding=best.encoding, detected=True)
    for encoding in _FALLBACKS:
        try:
            return Decoded(text=data.decode(encoding), encoding=encoding, detected=True)
        except UnicodeDecodeError:
            continue
    raise NotTextError(f"{name}: not a text file (no encoding decodes it)")  # pragma: no cover - latin-1 decodes all


_MULTI_BYTE_CP = {"cp932", "cp936", "cp949", "cp950", "cp65001"}


def _single_byte(encoding: str) -> bool:
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return False
    if name in _MULTI_BYTE_CP:
        return False
    return name.startswith(("cp", "iso8859", "latin", "koi8", "mac-", "windows-"))
