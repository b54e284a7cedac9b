#!/usr/bin/env python3
"""Converts the Phoenix/PETRARCH2 actor dictionaries into casefile's gazetteer files.

    python3 tools/convert_petrarch.py [PETRARCH2_DIR]     (default: ../shared/data/petrarch2)

Writes index-config/people.tsv and index-config/organizations.tsv:

- people.tsv: the persons of Phoenix.Countries.actors.txt and Phoenix.International.actors.txt
  (records with dated role codes), their roles rendered from the CAMEO codes ("Iraq government"),
  then tools/people-curated.tsv appended verbatim (hand-written, roles 2015-2026 and precise role
  titles; a curated name replaces the PETRARCH2 person of the same name).
- organizations.tsv: tools/organizations-curated.tsv first (it wins on duplicate aliases), then
  the institutions, international organisations, armed groups, NGOs and companies of the three
  dictionaries.

Countries are not converted: index-config/countries.tsv is curated by hand, because PETRARCH2
lists provinces and cities among country aliases, which casefile must not count as countries.
The PETRARCH2 dictionaries are MIT-licensed (index-config/LICENSE-petrarch2).
"""
import os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SRC = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "data", "petrarch2")
CONFIG = os.path.join(ROOT, "index-config")

# Leading words that are titles, not names ("PRESIDENT_BUSH" -> "Bush").
TITLES = set("""PRESIDENT VICE PRIME MINISTER FOREIGN DEFENSE DEFENCE INTERIOR FINANCE SECRETARY
SECRETARY-GENERAL GENERAL KING QUEEN PRINCE PRINCESS CROWN EMIR SHEIKH SHEIK SULTAN AYATOLLAH
MR MR. MRS MRS. MS MS. DR DR. SIR LORD GEN GEN. COL COL. ACTING FORMER CHANCELLOR PREMIER
SENATOR SEN. REP. GOVERNOR GOV. MAYOR CHAIRMAN LEADER UN U.N. US U.S. UNITED NATIONS STATES
THE OF DEPUTY STATE JUDGE JUSTICE AMBASSADOR ENVOY SPEAKER CHIEF COMMANDER MARSHAL ADMIRAL
CAPTAIN MAJOR LIEUTENANT COLONEL BRIGADIER POPE CARDINAL ARCHBISHOP BISHOP REVEREND REV.
PATRIARCH IMAM MULLAH SHAH EMPEROR MONARCH""".split())
# Words that make a name an institution or a role, not a person.
NOT_PERSON = set("""MINISTRY MINISTER MINISTERS PRESIDENT GOVERNMENT PARTY ARMY FORCE FORCES COUNCIL
COMMITTEE COMMISSION BANK AGENCY OFFICE DEPARTMENT UNION FRONT MOVEMENT ORGANIZATION ORGANISATION
ASSOCIATION INSTITUTE FOUNDATION FUND PROGRAM PROGRAMME COURT TRIBUNAL SECRETARIAT MISSION
NATIONS SOCIETY GROUP SERVICE SERVICES CORPORATION COMPANY INC LTD SOLDIERS POLICE OFFICIALS
OFFICIAL STAFF CENTER CENTRE UNIVERSITY NETWORK ALLIANCE LEAGUE BRIGADE BRIGADES CONGRESS
SENATE PARLIAMENT ASSEMBLY CABINET GUARD SECRETARY EMBASSY REGIME REBELS MILITIA OF FOR AND
PEACEKEEPER PEACEKEEPERS CONTINGENT INITIATIVE PANEL BOARD AUTHORITY STATE ISLAMIC REPUBLIC KINGDOM
NATIONAL PEOPLE PEOPLE'S UNITED DEMOCRATIC LIBERATION REVOLUTIONARY JIHAD ARMED RESISTANCE BRIGADES
SOLIDARITY COMMUNIST SOCIALIST WORKERS STUDENTS YOUTH WOMEN NEWS TIMES RADIO TELEVISION BANK AIRLINES""".split())
SECTORS = {"GOV": "government", "MIL": "military", "REB": "rebel", "OPP": "opposition",
           "JUD": "judiciary", "LEG": "legislature", "SPY": "intelligence", "COP": "police",
           "BUS": "government", "MED": "media", "UAF": "armed forces", "PTY": "party"}
SMALL = {"al", "el", "bin", "ibn", "wa", "de", "du", "da", "van", "von", "der", "den", "y", "la", "le"}


def titlecase(token):
    """MOHAMMAD -> Mohammad, AL-MALIKI -> al-Maliki, MCCAIN -> McCain."""
    low = token.lower()
    if len(low) > 3 and low.startswith("mc") and low[2:].isalpha():
        return "Mc" + low[2].upper() + low[3:]
    if low in SMALL:
        return low
    parts = re.split(r"([-'.])", low)
    out = []
    for i, p in enumerate(parts):
        if p in ("-", "'", ".") or not p:
            out.append(p)
        elif i > 0 and parts[i - 1] == "'" and p == "s":
            out.append(p)
        elif i == 0 and p in SMALL and len(parts) > 1:
            out.append(p)
        else:
            out.append(p[:1].upper() + p[1:])
    return "".join(out)


def words(raw):
    raw = raw.replace("_", " ").replace("\t", " ").strip()
    return [w for w in raw.split() if w]


def parse(path):
    """Yields (name_words, [alias word lists], [codes], comment) records of a TABARI .actors file."""
    rec = None
    for line in open(path, encoding="utf-8", errors="replace"):
        line = line.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#") or line.startswith("!"):
            continue
        comment = ""
        if "#" in line:
            line, comment = line.split("#", 1)
        codes = re.findall(r"\[([^\]]*)\]", line)
        text = re.sub(r"\[[^\]]*\]", " ", line)
        if line[0] == "+":
            if rec is not None:
                rec[1].append(words(text[1:]))
                rec[2].extend(codes)
        elif line[0] in " \t":
            if rec is not None:
                rec[2].extend(codes)
        else:
            if rec is not None:
                yield rec
            rec = (words(text), [], list(codes), comment)
    if rec is not None:
        yield rec


def date(s, end):
    s = s.strip()
    if len(s) == 6 and s.isdigit():
        yy = int(s[:2])
        s = ("19" if yy > 26 else "20") + s
    if len(s) != 8 or not s.isdigit():
        return None
    y, m, d = s[:4], s[4:6], s[6:]
    if not ("01" <= m <= "12" and "01" <= d <= "31"):
        return None
    return f"{y}-{m}-{d}"


def read_countries():
    names = {}
    for line in open(os.path.join(CONFIG, "countries.tsv"), encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        cols = line.rstrip("\n").split("\t")
        if cols[0] != "-":
            names[cols[0]] = cols[1]
    return names


def role_of(code, countries):
    """(country, role text) of a CAMEO code such as IRQGOV or IGOUNO, or None."""
    code = code.strip()
    head = code[:3]
    if head in countries:
        sector = SECTORS.get(code[3:6])
        return head, (f"{countries[head]} {sector}" if sector else None)
    if head == "IGO":
        return None, ("United Nations official" if code[3:6] == "UNO" else "international organisation official")
    return None, None


CONNECTORS = {"of", "and", "the", "for", "on", "in", "to", "at", "de", "la", "du", "des", "le", "el", "al"}


# Short words that PETRARCH2's capitals leave looking like acronyms ("RED Crescent", "Apple INC"):
# the words of three letters or fewer that casefile's own data files write in lower case (topic
# phrases, role words, speech verbs), and a few that open names.
SHORT_WORDS = {"inc", "abu", "rio", "sri", "der", "new", "red", "air", "oil", "li", "ku"}


def read_short_words():
    words = set()
    for name in ["topics.toml", "roles.tsv", "speech-verbs.txt"]:
        for line in open(os.path.join(CONFIG, name), encoding="utf-8"):
            if not line.startswith("#"):
                words.update(w for w in re.findall(r"\b[a-z]{2,3}\b", line))
    return words


def org_name(ws):
    """Display form of an organisation's name: acronyms kept, words title-cased, "The" dropped."""
    ws = [w for w in ws if w]
    while ws and ws[0].upper() == "THE":
        ws = ws[1:]
    out = []
    for i, w in enumerate(ws):
        letters = re.sub(r"[^A-Za-z]", "", w)
        short = len(letters) <= 3 and letters.lower() not in SHORT_WORDS
        if w.lower() in CONNECTORS and i > 0:
            out.append(w.lower())
        elif "." in w or (len(ws) == 1 and len(letters) <= 6) or short or not re.search(r"[AEIOUYaeiouy]", letters):
            out.append(w)
        else:
            out.append(titlecase(w))
    # A particle opens no name ("Der Spiegel"), except the Arabic article ("al Qa'ida").
    if out and out[0] != out[0].capitalize() and out[0].islower() and out[0] != "al":
        out[0] = out[0].capitalize()
    return re.sub(r"\s*\(.*?\)\s*", " ", " ".join(out)).strip()


def read_given():
    given = set()
    for line in open(os.path.join(CONFIG, "roles.tsv"), encoding="utf-8"):
        if line.startswith("given\t"):
            given.update(w.upper() for w in line.rstrip("\n").split("\t")[1].split("|"))
    return given


def person_name(ws):
    """Drops leading titles; None when what is left is not a plausible full name."""
    ws = [w for w in ws]
    while ws and ws[0].upper().rstrip(".") in {t.rstrip(".") for t in TITLES}:
        ws = ws[1:]
    if not ws or any(w.upper() in NOT_PERSON for w in ws):
        return None
    if any(not re.match(r"^[A-Z][A-Z.'\-]*$", w.upper()) for w in ws):
        return None
    name = [titlecase(w) for w in ws]
    # A particle opens no name: "Du Qinglin", "El Hadi Khaldi", "Le Kha Phieu". Nor does one end
    # it: there it is a given name ("Li Bin", "Zhu De"). A closing Arabic article is a name cut
    # short in PETRARCH2 ("... bin Muhammad al"), and stays lower-case so it matches either way.
    name[0] = name[0][:1].upper() + name[0][1:]
    if name[-1] in SMALL - {"al", "el"}:
        name[-1] = name[-1].capitalize()
    return " ".join(name)


# One-word organisation names that are also English words or given names.
AMBIGUOUS_ORGS = set("""GUARDIAN OLIVE INDEPENDENT OBSERVER EXPRESS MIRROR""".split())

# Aliases that name something else far more often in reporting: a team ("Mavericks"), a football
# league ("La Liga"), a film ("Avengers"), a word ("Lightning").
DROPPED_ALIASES = {"MAVERICKS", "LIGHTNING", "AVENGERS", "LA LIGA", "GROUP OF DEATH"}

# A state's own long-form name ("United Republic of Tanzania") is the country, which countries.tsv
# names; PETRARCH2 files its cities and sights under it too.
STATE_NAME = re.compile(
    r"^((United|Federal|Islamic|Democratic|People's|Socialist|Arab) )*"
    r"(Republic|Kingdom|State|Government|Sultanate|Principality|Federation) of (?P<country>.+)$"
)


def names_a_state(name, seats):
    m = STATE_NAME.match(name)
    return m is not None and (name.startswith(("Republic", "Kingdom", "State", "Government", "Sultanate", "Principality")) or m.group("country").upper() in seats)

# Words of a unit's or a club's name, besides NOT_PERSON's ("Ziad al Jarrah Battalion").
UNIT_WORDS = set("""BATTALION BATTALIONS CLUB COMMAND COMMANDO COMMANDOS ISLAND KOMPI""".split())


def names_a_person(ws):
    """True when an alias (a word list) reads as a person's name: a known given name (roles.tsv)
    or "Abu" opening three or more words, none of them a body's word."""
    upper = [w.upper().strip(".,") for w in ws]
    if len(upper) < 2 or any(w in NOT_PERSON or w in UNIT_WORDS or w in GENERIC for w in upper):
        return False
    return upper[0] in GIVEN or (upper[0] in ("ABU", "ABOU") and len(upper) >= 3)


def surname_key(word):
    """A surname without its article, for comparison: "AL-AWLAKI" and "Awlaki" are both "awlaki"."""
    w = word.lower()
    return w[3:] if w.startswith(("al-", "el-")) else w


GENERIC = set("""SENATE CONGRESS PARLIAMENT GOVERNMENT CABINET ARMY NAVY POLICE MILITARY OPPOSITION REBELS
MILITANTS INSURGENTS GUERRILLAS TROOPS OFFICIALS AUTHORITIES MINISTRY EMBASSY COURT PRESS MEDIA RADIO
TELEVISION NEWS PARTY STATE STATES REPUBLIC KINGDOM PEOPLE NATIONAL INTERNATIONAL WORLD GLOBAL UNITED
CORNERSTONE""".split())
GIVEN = set()


def main():
    GIVEN.update(read_given())
    SHORT_WORDS.update(read_short_words())
    countries = read_countries()
    seats = set()
    for line in open(os.path.join(CONFIG, "countries.tsv"), encoding="utf-8"):
        if not line.startswith("#") and line.strip():
            for col in line.rstrip("\n").split("\t")[1:]:
                for v in col.split("|"):
                    seats.add(v.lstrip("~").upper())
    curated_people = os.path.join(HERE, "people-curated.tsv")
    curated_names = set()
    for line in open(curated_people, encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            cols = line.rstrip("\n").split("\t")
            curated_names.add(cols[0].lower())
            for alias in (cols[5].split("|") if len(cols) > 5 else []):
                if len(alias.split()) > 1:
                    curated_names.add(alias.lower())

    people, orgs = [], []
    seen_org = set()
    for line in open(os.path.join(HERE, "organizations-curated.tsv"), encoding="utf-8"):
        cols = line.rstrip("\n").split("\t")
        if len(cols) == 4 and cols[0] == "org":
            seen_org.update(v.upper() for v in [cols[1]] + cols[3].split("|") if v)
    files = ["Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
             "Phoenix.MilNonState.actors.txt"]
    for fname in files:
        for name_ws, aliases, codes, comment in parse(os.path.join(SRC, fname)):
            if not name_ws:
                continue
            dated = [c for c in codes if re.search(r"\d{6}", c)]
            is_person = (dated or "CountryInfo" in comment or "IGOrulers" in comment)
            # Undated records of the group and NGO files also list people ("Azahari bin Husin"):
            # a plausible full name starting with a known given name or holding "bin" is one.
            if not is_person:
                n = person_name(name_ws)
                toks = n.split() if n else []
                is_person = 2 <= len(toks) <= 4 and (toks[0].upper() in GIVEN or any(t.lower() in ("bin", "ibn", "bint") for t in toks))
            if is_person:
                name = person_name(name_ws)
                if name is None or len(name.split()) < 2 or name.lower() in curated_names:
                    continue
                # A curated organisation's name is the organisation's ("Abu Sayyaf").
                if name.upper() in seen_org:
                    continue
                # A country's name, demonym or capital is nobody's ("South Sudan", with the alias
                # "Juba", is filed among the persons of Sudan).
                if name.upper() in seats:
                    continue
                alias_set = []
                for a in aliases:
                    n = person_name(a)
                    if n and n.upper() in seats:
                        continue
                    if n and n != name and n not in alias_set and (len(n.split()) > 1 or len(n) >= 4):
                        alias_set.append(n)
                rows = []
                country = ""
                for c in codes:
                    parts = c.split()
                    if not parts:
                        continue
                    ctry, role = role_of(parts[0], countries)
                    country = country or (ctry or "")
                    if role is None or parts[0][3:6] == "ELI":
                        continue
                    start = end = ""
                    if len(parts) > 1:
                        rng = parts[1]
                        if rng.startswith(">"):
                            start = date(rng[1:], False) or ""
                        elif rng.startswith("<"):
                            end = date(rng[1:], True) or ""
                        elif "-" in rng:
                            a, b = rng.split("-", 1)
                            start, end = date(a, False) or "", date(b, True) or ""
                    # drop offices that ended before 1975: the archive is modern reporting
                    if end and end < "1975":
                        continue
                    rows.append((role, start, end))
                if not rows:
                    # only old or elite-only records: keep the person only if recent enough to matter
                    if any(re.search(r"(19[89]\d|20\d\d)", c) for c in codes) or not dated:
                        rows = [("", "", "")]
                    else:
                        continue
                for i, (role, start, end) in enumerate(rows):
                    people.append((name, country, role, start, end, "|".join(alias_set) if i == 0 else ""))
            else:
                code = codes[0].split()[0] if codes and codes[0].split() else ""
                head = code[:3]
                if fname == "Phoenix.Countries.actors.txt":
                    # institutions of a state: only names that are clearly bodies
                    if head not in countries or not any(w.upper() in NOT_PERSON for w in name_ws):
                        continue
                    if any(w.upper() in ("PRESIDENT", "MINISTER", "SOLDIERS", "OFFICIALS", "OFFICIAL", "SECRETARY") for w in name_ws):
                        continue
                name = org_name(name_ws)
                if names_a_state(name, seats):
                    continue
                if len(name) < 3 or name.upper() in seats or name.upper() in seen_org:
                    continue
                seen_org.add(name.upper())
                country = head if head in countries else ""
                alias_list = []
                # PETRARCH2 files a group's leaders and spokesmen under the group ("JOSEPH_KONY"
                # under the Lord's Resistance Army): a person's name, or that person's surname
                # alone ("al-Awlaki"), is no name of the organisation.
                persons = [a for a in aliases if names_a_person(a)]
                surnames = {surname_key(p[-1]) for p in persons}
                for a in aliases:
                    if a in persons or (len(a) <= 2 and surname_key(a[-1]) in surnames):
                        continue
                    an = org_name(a)
                    # "Republic of South Africa" is the country, which countries.tsv names
                    if names_a_state(an, seats):
                        continue
                    # A number, alone or with one word ("380", "17 November"), names an amount or
                    # a date far more often.
                    if (an[:1].isdigit() and len(an.split()) <= 2) or an.upper() in DROPPED_ALIASES:
                        continue
                    # one generic word ("Organization", "Senate") names nothing in particular
                    if len(an.split()) == 1 and (an.upper() in NOT_PERSON or an.upper() in TITLES or an.upper() in GENERIC):
                        continue
                    if len(an) >= 2 and an.upper() not in seats and an.upper() not in seen_org:
                        seen_org.add(an.upper())
                        alias_list.append(an)
                orgs.append((name, country, "|".join(alias_list)))

    with open(os.path.join(CONFIG, "people.tsv"), "w", encoding="utf-8") as out:
        out.write(PEOPLE_HEADER)
        out.write(open(curated_people, encoding="utf-8").read().rstrip("\n") + "\n")
        out.write("\n# ---- converted from PETRARCH2 (MIT licence, see LICENSE-petrarch2) ----\n")
        for row in people:
            out.write("\t".join(row) + "\n")
    with open(os.path.join(CONFIG, "organizations.tsv"), "w", encoding="utf-8") as out:
        out.write(ORG_HEADER)
        out.write(open(os.path.join(HERE, "organizations-curated.tsv"), encoding="utf-8").read().rstrip("\n") + "\n")
        out.write("\n# ---- converted from PETRARCH2 (MIT licence, see LICENSE-petrarch2) ----\n")
        for name, country, aliases in orgs:
            # A one-word name that is also an English word is ambiguous (`~`): "Prosperity
            # Guardian" is an operation, not the newspaper.
            shown = "~" + name if name.upper() in AMBIGUOUS_ORGS else name
            out.write(f"org\t{shown}\t{country}\t{aliases}\n")
    print(f"{len(people)} person rows, {len(orgs)} organisations", file=sys.stderr)


PEOPLE_HEADER = """# people.tsv: known persons and their dated roles, one role period per line.
#
# Columns (tab-separated):
#   1. name      full name, as shown ("Antony Blinken")
#   2. country   ISO 3166-1 alpha-3 code of the person's country, or empty
#   3. role      the role ("US Secretary of State"), or empty
#   4. from      first day of the role (YYYY-MM-DD), or empty for "always"
#   5. to        last day of the role (YYYY-MM-DD), or empty for "still"
#   6. aliases   other names separated by `|` ("Tony Blinken|Blinken"); a one-word alias is a
#                surname that is recognised alone only while the person holds a role near the
#                article's date (or always, when the person has no dated role)
# Several lines with the same name are the same person with several roles; the role shown is
# the one valid on the article's publication date.
#
# Generated by tools/convert_petrarch.py: the first part is tools/people-curated.tsv (written for
# casefile, 2015-2026 and main office holders), the rest is converted from the Phoenix/PETRARCH2
# dictionaries (Copyright (c) 2014 Open Event Data Alliance, MIT licence, see LICENSE-petrarch2).
# Edit the curated file and rerun the script, or edit this file directly.
"""

ORG_HEADER = """# organizations.tsv: organisations, and the head words that make an unknown name one.
#
# Columns (tab-separated):
#   1. kind      `org` for a known organisation, `head` for a head word, `head-of` for a head
#                word that `of` and a name may follow
#   2. name      canonical name ("United Nations"); for a head word, the word ("Ministry")
#   3. country   ISO 3166-1 alpha-3 code when the body belongs to a state ("State Department":
#                USA), else empty
#   4. aliases   other names separated by `|` ("UN|U.N."); an alias written in capitals only
#                (`UN`, `NATO`) must appear with exactly that case; a person's name is no
#                alias (a group's leader or spokesman goes in people.tsv). A name or alias
#                prefixed with `~` is also a word ("~Guardian"): it is ignored when glued to
#                another capitalised word ("Operation Prosperity Guardian")
# A `head` line names a word that ends (or, for "Ministry of ...", starts) an organisation's
# name: an unknown capitalised name containing it ("Rally for the Republic Party") is reported as
# an organisation, with a capital that opens it ("Moscow State University") or `of` and a country
# after the head word ("Bank of Korea"). It is never taken for a person, unless an office follows
# the head word: "Police Chief Bill Bratton" is Bill Bratton, with the role "Police Chief".
# A `head-of` line is a `head` line whose word may also be followed by `of` (or `of the`) and the
# capitalised words of what the body is of: "Ministry of Foreign Affairs", "National Bureau of
# Statistics", "University of Chicago" are each one organisation. Company and newspaper words
# are plain `head` words: in "Sterling Software of Dallas", "of Dallas" says where it is.
#
# Generated by tools/convert_petrarch.py: the first part is tools/organizations-curated.tsv
# (written for casefile), the rest is converted from the Phoenix/PETRARCH2 dictionaries
# (Copyright (c) 2014 Open Event Data Alliance, MIT licence, see LICENSE-petrarch2).
"""

if __name__ == "__main__":
    main()
