"""Verbatim's core: files → documents → a French-analysed Whoosh index, and reading it back."""
