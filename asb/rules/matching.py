"""Is this the same person? Matching by name, date of birth and address that forgives case, spacing and
common typos. An officer confirms or splits every suggested match; this only suggests."""

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

# Common short forms in addresses, so "12 High St" and "12 high street" are one address.
_ADDRESS_WORDS = {"st": "street", "rd": "road", "ave": "avenue", "av": "avenue", "ln": "lane", "cl": "close",
                  "cres": "crescent", "dr": "drive", "ct": "court", "pl": "place", "sq": "square", "gdns": "gardens",
                  "ter": "terrace", "terr": "terrace", "flt": "flat"}
_NICKNAMES = {"bob": "robert", "rob": "robert", "bill": "william", "will": "william", "liz": "elizabeth",
              "beth": "elizabeth", "jim": "james", "jimmy": "james", "dave": "david", "mike": "michael",
              "kate": "katherine", "cathy": "catherine", "tom": "thomas", "steve": "stephen", "sue": "susan",
              "chris": "christopher", "nick": "nicholas", "tony": "anthony", "jen": "jennifer", "alex": "alexander"}


def normalise_name(text: str) -> str:
    """Lower case, accents and punctuation removed, spaces collapsed: " O'Brien " → "obrien"."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z]", "", text.lower())


def normalise_postcode(text: str) -> str:
    return re.sub(r"[^A-Z0-9]", "", text.upper())


def normalise_address(text: str, postcode: str = "") -> str:
    words = re.sub(r"[^a-z0-9 ]", " ", text.lower()).split()
    words = [_ADDRESS_WORDS.get(word, word) for word in words]
    pc = normalise_postcode(postcode)
    joined = " ".join(words)
    if pc and pc.lower() not in joined.replace(" ", ""):
        joined = f"{joined} {pc.lower()}".strip()
    return joined


def address_key(text: str, postcode: str = "") -> str:
    """The key a repeat-victim rule counts by: house words and postcode, normalised."""
    return normalise_address(text, postcode)


def edit_distance(a: str, b: str) -> int:
    """Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps."""
    if a == b:
        return 0
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


def _typo_allowance(text: str) -> int:
    return 0 if len(text) <= 3 else 1 if len(text) <= 7 else 2


def names_match(a: str, b: str) -> bool:
    na, nb = normalise_name(a), normalise_name(b)
    if not na or not nb:
        return False
    na, nb = _NICKNAMES.get(na, na), _NICKNAMES.get(nb, nb)
    return edit_distance(na, nb) <= _typo_allowance(min(na, nb, key=len))


def dates_match(a: date | None, b: date | None) -> str:
    """"same", "close" (day and month swapped, or one digit wrong) or "" (different or unknown)."""
    if a is None or b is None:
        return ""
    if a == b:
        return "same"
    if (a.year, a.month, a.day) == (b.year, b.day, b.month):
        return "close"
    digits = sum(x != y for x, y in zip(a.strftime("%Y%m%d"), b.strftime("%Y%m%d"), strict=True))
    return "close" if digits == 1 else ""


@dataclass(frozen=True)
class PersonFacts:
    given_name: str
    family_name: str
    date_of_birth: date | None = None
    address: str = ""
    postcode: str = ""


@dataclass(frozen=True)
class MatchResult:
    score: int  # 0-100
    verdict: str  # "same", "possible", "different"
    reasons: tuple[str, ...]


def match_people(a: PersonFacts, b: PersonFacts) -> MatchResult:
    """Score two records. Names alone are never enough: a date of birth or an address must agree too."""
    reasons: list[str] = []
    score = 0
    family = names_match(a.family_name, b.family_name)
    given = names_match(a.given_name, b.given_name)
    if family:
        score += 30
        reasons.append("last names match")
    if given:
        score += 20
        reasons.append("first names match")
    dob = dates_match(a.date_of_birth, b.date_of_birth)
    if dob:
        score += 35 if dob == "same" else 20
        reasons.append("dates of birth match" if dob == "same" else "dates of birth nearly match")
    elif a.date_of_birth and b.date_of_birth:
        score -= 40
        reasons.append("dates of birth differ")
    addr_a, addr_b = normalise_address(a.address, a.postcode), normalise_address(b.address, b.postcode)
    if addr_a and addr_b and (addr_a == addr_b or edit_distance(addr_a, addr_b) <= 2):
        score += 25
        reasons.append("addresses match")
    elif a.postcode and normalise_postcode(a.postcode) == normalise_postcode(b.postcode):
        score += 10
        reasons.append("postcodes match")
    score = max(0, min(100, score))
    corroborated = bool(dob) or "addresses match" in reasons
    if family and given and corroborated and score >= 70:
        verdict = "same"
    elif family and corroborated and score >= 50:
        verdict = "possible"
    else:
        verdict = "different"
    return MatchResult(score, verdict, tuple(reasons))
