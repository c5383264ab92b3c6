"""Text as a reader receives it from any file: decoding, unpacking, document text, folding."""
