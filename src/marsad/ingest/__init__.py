"""Reading inputs: text files in any common encoding, HTML pages, JSONL, directories and stdin, with site chrome removed."""
