"""Parses a vCard file with vobject (Debian's python3-vobject), as the import benchmark's
Python side (issue 4): every card of the file through vobject.readComponents, consumed one by
one, nothing kept. Prints the wall time of the parse (reading the file included) and the
process's peak RSS.

    /usr/bin/python3 bench/parse_vobject.py FILE.vcf

Output lines (read by bench/run.sh):  VOBJECT_CARDS n, VOBJECT_SECONDS s, VOBJECT_PEAK_MB m.
"""
import resource
import sys
import time

import vobject


def main():
    path = sys.argv[1]
    started = time.perf_counter()
    cards = 0
    with open(path, encoding="utf-8", newline="") as stream:
        # allowQP: the vCard 2.1 cards' quoted-printable soft line breaks are joined (vobject
        # refuses them otherwise); transform=True (the default) decodes the values too.
        for card in vobject.readComponents(stream, allowQP=True):
            if card.name != "VCARD":
                raise SystemExit(f"unexpected component {card.name}")
            cards += 1
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"VOBJECT_CARDS {cards}")
    print(f"VOBJECT_SECONDS {seconds:.3f}")
    print(f"VOBJECT_PEAK_MB {peak_mb:.0f}")


if __name__ == "__main__":
    main()
