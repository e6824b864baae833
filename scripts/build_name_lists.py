"""Rebuild the packaged name lists from MIT-licensed packages (names-dataset, faker).

    pip install -e ".[names]" && python scripts/build_name_lists.py

Writes smrisk/resources/names/first_names.txt, surnames.txt and places.txt: lowercased,
one per line, sorted; names without common Dutch words (so "de", "van" or "bakker" as a
word are not taken for names by the title rule; the NER model decides those in context)
and first names without place names ("china", "amsterdam" are in the raw lists).
"""

from __future__ import annotations

from pathlib import Path

from faker import Faker
from names_dataset import NameDataset
from wordfreq import zipf_frequency

OUT = Path(__file__).resolve().parents[1] / "smrisk" / "resources" / "names"
# First names and surnames per country of origin common in Dutch and Flemish schools.
FIRST = {
    "NL": 1500,
    "BE": 800,
    "MA": 400,
    "TR": 400,
    "PL": 200,
    "DE": 300,
    "ID": 150,
    "SY": 150,
    "EG": 100,
    "GB": 300,
    "US": 300,
    "FR": 300,
    "ES": 150,
    "IT": 200,
    "CN": 100,
    "GH": 100,
    "NG": 100,
    "IQ": 100,
    "AF": 100,
    "IR": 100,
    "PT": 150,
    "BR": 150,
    "CW": 100,
    "SR": 100,
}
# Names from news beyond the school's own community (athletes, politicians, artists): every
# country names-dataset knows, fewer names each, and only where they are no common Dutch word
# (see main()).
WORLD_FIRST = 150
WORLD_LAST = 300
LAST = {
    "NL": 6000,
    "BE": 3000,
    "MA": 800,
    "TR": 800,
    "PL": 300,
    "DE": 500,
    "ID": 200,
    "SY": 200,
    "GB": 300,
    "FR": 400,
    "CN": 100,
    "IQ": 100,
    "AF": 100,
    "IR": 100,
    "EG": 100,
}
# Words too common in Dutch posts to count as a name on their own.
NOT_NAMES = set(
    """de het een en van in op te is dat die voor met zijn er niet aan om ook als
bij of maar dan naar wat nog wel zo kan al uit door over heeft ze hij was worden wordt
ik je jij we wij u hun haar mijn mn jou hem man vrouw kind school klas les toets huis weg
baan ben bent kom komt gaat ga goed fijn leuk mooi heel echt juf meester meneer mevrouw
dag week jaar tijd mei juni juli mars maart april augustus dinsdag vrijdag zondag
jong oud groot klein rood groen wit zwart bruin blauw geel grijs lang kort snel
koning keizer paus prins bos berg veld beek dijk brug kerk molen hof""".split()
)


def _top(dataset: NameDataset, country: str, count: int, first: bool) -> set[str]:
    """The ``count`` most common first names (both genders) or surnames of a country, lowercased."""
    found = dataset.get_top_names(n=count, country_alpha2=country, use_first_names=first).get(country, {})
    groups = found.values() if first else [found]
    return {n.lower() for names in groups for n in names if _latin(n)}


def _latin(name: str) -> bool:
    return all(ch.isalpha() and ord(ch) < 0x250 or ch in " -'" for ch in name)


def main() -> None:
    dataset = NameDataset()
    firsts: set[str] = set()
    lasts: set[str] = set()

    # Names from abroad that are common Dutch words ("leger", "casa") stay out: a Zipf
    # frequency of 4 or more in Dutch (wordfreq) means the word is seen far more often than
    # the name. Dutch and Flemish names stay in ("Bakker"): the NER decides in context.
    def add(names: set[str], found: set[str], country: str) -> None:
        names.update(n for n in found if country in ("NL", "BE") or zipf_frequency(n, "nl") < 4)

    for country, count in FIRST.items():
        add(firsts, _top(dataset, country, count, first=True), country)
    for country, count in LAST.items():
        add(lasts, _top(dataset, country, count, first=False), country)
    for country in dataset.get_country_codes(alpha_2=True):
        add(firsts, _top(dataset, country, WORLD_FIRST, first=True), country)
        add(lasts, _top(dataset, country, WORLD_LAST, first=False), country)
    for locale in ("nl_NL", "nl_BE"):
        provider = Faker(locale)
        person = provider.provider("faker.providers.person")
        firsts.update(n.lower() for n in (*person.first_names_male, *person.first_names_female))
        lasts.update(n.lower() for n in person.last_names)
    places: set[str] = set()
    for locale in ("nl_NL", "nl_BE"):
        address = Faker(locale).provider("faker.providers.address")
        places.update(p.lower() for p in (*address.cities, *address.countries, *address.provinces))
    firsts -= NOT_NAMES | places
    lasts -= NOT_NAMES
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "first_names.txt").write_text("\n".join(sorted(firsts)) + "\n", encoding="utf-8")
    (OUT / "surnames.txt").write_text("\n".join(sorted(lasts)) + "\n", encoding="utf-8")
    (OUT / "places.txt").write_text("\n".join(sorted(places)) + "\n", encoding="utf-8")
    print(f"{len(firsts)} first names, {len(lasts)} surnames, {len(places)} places -> {OUT}")


if __name__ == "__main__":
    main()
