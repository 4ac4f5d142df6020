"""Plausible, made-up officer names for the demo, by community."""

import random

from bashkesia.core.text import albanian_to_cyrillic, latin_to_cyrillic

ALBANIAN_MEN = [
    "Agim",
    "Arben",
    "Ardian",
    "Arianit",
    "Armend",
    "Artan",
    "Astrit",
    "Bekim",
    "Besart",
    "Besnik",
    "Blerim",
    "Burim",
    "Driton",
    "Dritan",
    "Egzon",
    "Enver",
    "Fatmir",
    "Fisnik",
    "Flamur",
    "Gazmend",
    "Genc",
    "Hysen",
    "Ilir",
    "Jeton",
    "Kushtrim",
    "Labinot",
    "Lulzim",
    "Mentor",
    "Naim",
    "Petrit",
    "Qendrim",
    "Ramadan",
    "Rrahman",
    "Shkelzen",
    "Skender",
    "Valon",
    "Visar",
    "Xhevdet",
    "Ylber",
    "Zenel",
]
ALBANIAN_WOMEN = [
    "Albulena",
    "Arbnore",
    "Blerta",
    "Dafina",
    "Donika",
    "Drita",
    "Edona",
    "Elira",
    "Fatbardha",
    "Fjolla",
    "Gresa",
    "Hana",
    "Kaltrina",
    "Liridona",
    "Lumnije",
    "Merita",
    "Mimoza",
    "Njomza",
    "Teuta",
    "Vjosa",
]
ALBANIAN_SURNAMES = [
    "Ahmeti",
    "Aliu",
    "Avdiu",
    "Bajrami",
    "Behrami",
    "Berisha",
    "Bytyqi",
    "Dervishi",
    "Gashi",
    "Gjergji",
    "Hajdari",
    "Haliti",
    "Hasani",
    "Hoxha",
    "Hyseni",
    "Ibrahimi",
    "Islami",
    "Jashari",
    "Kastrati",
    "Krasniqi",
    "Kryeziu",
    "Kurti",
    "Limani",
    "Mehmeti",
    "Morina",
    "Mustafa",
    "Osmani",
    "Qerimi",
    "Rama",
    "Rexhepi",
    "Salihu",
    "Sadiku",
    "Shala",
    "Shehu",
    "Sylejmani",
    "Tahiri",
    "Thaçi",
    "Zeqiri",
    "Zymberi",
]
SERBIAN_MEN = [
    "Aleksandar",
    "Bojan",
    "Branislav",
    "Darko",
    "Dejan",
    "Dragan",
    "Dušan",
    "Goran",
    "Ivan",
    "Jovan",
    "Marko",
    "Milan",
    "Miloš",
    "Miroslav",
    "Nebojša",
    "Nemanja",
    "Nikola",
    "Predrag",
    "Srđan",
    "Stefan",
    "Vladimir",
    "Zoran",
    "Željko",
]
SERBIAN_WOMEN = [
    "Ana",
    "Biljana",
    "Dragana",
    "Jelena",
    "Jovana",
    "Marija",
    "Milica",
    "Nataša",
    "Snežana",
    "Tamara",
    "Vesna",
]
SERBIAN_SURNAMES = [
    "Arsić",
    "Bogdanović",
    "Đorđević",
    "Ilić",
    "Jovanović",
    "Kostić",
    "Lazić",
    "Marković",
    "Milić",
    "Milosavljević",
    "Nikolić",
    "Pavlović",
    "Petrović",
    "Popović",
    "Radić",
    "Simić",
    "Stanković",
    "Stojanović",
    "Todorović",
    "Vasić",
    "Vuković",
    "Živković",
]
TURKISH_MEN = [
    "Bülent",
    "Cengiz",
    "Erdal",
    "Ferhat",
    "Kenan",
    "Murat",
    "Orhan",
    "Selim",
    "Tarkan",
]
TURKISH_WOMEN = ["Aylin", "Derya", "Esra", "Hülya", "Selin"]
TURKISH_SURNAMES = [
    "Aydın",
    "Bayram",
    "Demir",
    "Kaya",
    "Kılıç",
    "Öztürk",
    "Şahin",
    "Yıldız",
]

# Municipalities where most residents are Kosovo Serbs, and Mamusha (Turks).
SERBIAN_MUNICIPALITIES = {
    "MIV", "ZVE", "ZUB", "LEP", "GRA", "STR", "RAN", "PAR", "KLL"
}  # fmt: skip
TURKISH_MUNICIPALITIES = {"MAM"}
WOMEN_SHARE = 0.2


def person(rng: random.Random, municipality_code: str) -> dict[str, str]:
    """Return a first and last name fitting the community of the area."""
    woman = rng.random() < WOMEN_SHARE
    if municipality_code in SERBIAN_MUNICIPALITIES:
        first = rng.choice(SERBIAN_WOMEN if woman else SERBIAN_MEN)
        last = rng.choice(SERBIAN_SURNAMES)
        return {
            "first_name": first,
            "last_name": last,
            "first_name_cyrl": latin_to_cyrillic(first),
            "last_name_cyrl": latin_to_cyrillic(last),
        }
    if municipality_code in TURKISH_MUNICIPALITIES and rng.random() < 0.6:
        first = rng.choice(TURKISH_WOMEN if woman else TURKISH_MEN)
        last = rng.choice(TURKISH_SURNAMES)
    else:
        first = rng.choice(ALBANIAN_WOMEN if woman else ALBANIAN_MEN)
        last = rng.choice(ALBANIAN_SURNAMES)
    return {
        "first_name": first,
        "last_name": last,
        "first_name_cyrl": albanian_to_cyrillic(first),
        "last_name_cyrl": albanian_to_cyrillic(last),
    }
