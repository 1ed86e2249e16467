#!/usr/bin/env python
from csphub.cli import main

if __name__ == "__main__":
    main()
