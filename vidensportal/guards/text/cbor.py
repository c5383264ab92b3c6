"""The text and byte strings in CBOR data (Pagefind's index and metadata files), each on its own."""

from __future__ import annotations


class _Truncated(Exception):
    """The data ends inside an item, or holds something that is not CBOR."""


def cbor_strings(data: bytes) -> list[str] | None:
    """Every string in a sequence of CBOR items, in order; None when the data is not well-formed CBOR."""
    strings: list[str] = []
    position = 0
    try:
        while position < len(data):
            position = _item(data, position, strings)
    except (_Truncated, IndexError):
        return None
    return strings


def _argument(data: bytes, position: int) -> tuple[int, int, int | None]:
    """(major type, argument, position after the head); the argument is None for an indefinite length."""
    head = data[position]
    major, info = head >> 5, head & 0x1F
    position += 1
    if info < 24:
        return major, info, position
    if info in (24, 25, 26, 27):
        size = 1 << (info - 24)
        if position + size > len(data):
            raise _Truncated
        return major, int.from_bytes(data[position : position + size], "big"), position + size
    if info == 31 and major in (2, 3, 4, 5, 7):
        return major, -1, position
    raise _Truncated


def _item(data: bytes, position: int, strings: list[str]) -> int:
    stack = [1]  # items still to read at each open level; -1 for an indefinite container
    while stack:
        if stack[-1] == 0:
            stack.pop()
            continue
        if stack[-1] > 0:
            stack[-1] -= 1
        major, argument, position = _argument(data, position)
        if major == 7 and argument == -1:  # the "break" that ends an indefinite container
            if stack[-1] != -1:
                raise _Truncated
            stack.pop()
            continue
        if major in (2, 3):
            if argument == -1:
                stack.append(-1)  # indefinite string: its chunks follow as items
                continue
            end = position + argument
            if end > len(data):
                raise _Truncated
            strings.append(data[position:end].decode("utf-8", errors="replace"))
            position = end
        elif major == 4:
            stack.append(argument)
        elif major == 5:
            stack.append(-1 if argument == -1 else 2 * argument)
        elif major == 6:
            stack.append(1)  # a tag is followed by its one item
    return position
