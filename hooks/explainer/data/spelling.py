"""A German spell check over every text readers see: the data's prose fields (marked `Prose` in
models.py: rich text, sentences, labels, titles) and the pages in docs/.

Translations (site.yaml `translations`: the overlays in data/<lang>/ and the pages in
docs/<lang>/) are not German and are left out.

A word passes when the German dictionary of pyspellchecker knows it, when the project's word
list (data/wortliste.txt: names, English terms, technical terms; a line with spaces or hyphens
is a name of several words, „Mixture of Experts“, accepted only as a whole, also hyphenated in a
compound: „Mixture-of-Experts-Architektur“) holds it, or when it is a
compound of such words („Exportkontrollen“ = „Export“ + „Kontrollen“), as German builds them
freely. Inside a quotation („…“) the English, French and Italian dictionaries count too: texts
quote their sources word for word. Abbreviations in capitals („KI“, „GPU“) and words with digits
(„V3“) are not checked. `make spell` runs it alone; a test runs it with the other tests.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spellchecker import SpellChecker

from .errors import format_location
from .load import read_data_files
from .models import Prose
from .references import ParsedFile, marked_texts

WORD_LIST = "wortliste.txt"  # in data/: one word a line, '#' starts a comment
DOCS_PAGES = "**/*.md"

# A word: letters, with inner apostrophes („geht’s“); hyphenated words are checked part by part.
# A word hyphenated to a name with digits („V3.2-Exp“, „R1-Modell“) is part of that name.
WORD = re.compile(r"(?<![\w-])[^\W\d_]+(?:[-'’][^\W\d_]+)*(?!\w)")
ABBREVIATION = re.compile(r"[A-ZÄÖÜ]{2,}s?")  # KI, GPU, USA, GPUs: not checked
MIN_PART = 3  # letters of the shortest word a compound is made of („Tag“, „aus“)
MIN_COMPOUND = 8  # letters: shorter „compounds“ of short words are mostly typos („Akt|ein“)
MAX_PARTS = 3  # „Rechen|zentrums|betreiber“; longer chains accept too much
LINKING = ("s", "es", "n", "en")  # Fugenelemente: „Arbeit-s-markt“, „Sonne-n-energie“
DROPPED = ("e", "en")  # a first part without its ending: „Farb-schema“, „Programmier-sprache“
SEPARATOR = re.compile(r"[ -]+")  # between the words of a name in the word list
QUOTED_LANGUAGES = ("en", "fr", "it")  # the languages the texts quote
QUOTATION = re.compile(r"„[^“]*“|“[^”]*”|\"[^\"]*\"|»[^«]*«|«[^»]*»")

# Text no reader sees as words: template code, Markdown link targets, HTML tags, addresses,
# code, attribute lists and abbreviation definitions. Each is blanked, keeping its newlines, so
# that a word's line stays the line in the file.
NOT_WORDS = re.compile(
    r"<(span|q|i|em)\b[^>\n]*\blang=\"(?!de\b)[\w-]+\"[^>\n]*>[^<]*</\1>"  # other languages
    r"|\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}"  # Jinja
    r"|```.*?```|`[^`\n]*`"  # code
    r"|\]\([^)\s]*\)|<[^>\n]*>|https?://\S+"  # link targets, tags, addresses
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:ai|com|de|fr|io|net|org)\b"  # host names: „Investing.com“
    r"|\{:?[ \t]*[#.][^}\n]*\}"  # attribute lists: { #id }, {: .class }
    r"|^\*\[[^\]]*\]:.*$"  # abbreviation definitions
    r"|^[ \t]*(?:!!!|\?\?\?\+?)[ \t]+[\w-]+",  # an admonition's type: !!! warning
    re.DOTALL | re.MULTILINE,
)
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
READER_KEYS = ("title", "description")  # front matter a reader sees (head, share cards)


@dataclass(frozen=True)
class Misspelling:
    """An unknown word in a text: where it is, and the dictionary's closest word."""

    file: str
    line: int
    field: str  # '' for a page
    word: str
    suggestion: str | None

    def __str__(self) -> str:
        place = f"{self.file}:{self.line}: " + (f"{self.field}: " if self.field else "")
        hint = f"did you mean {self.suggestion!r}? " if self.suggestion else ""
        return (
            f"{place}{self.word!r} is not in the German dictionary ({hint}fix the word, or add it "
            f"to data/{WORD_LIST} if it is right)"
        )


class Speller:
    """The German dictionary, the project's words and the compound rule."""

    def __init__(self, project_words: Iterable[str] = ()) -> None:
        # Suggestions one edit away: most typos are, and two edits of a long compound are
        # millions of candidates.
        self.dictionary = SpellChecker(language="de", case_sensitive=False, distance=1)
        words = [SEPARATOR.split(word) for word in project_words]
        self.project_words = {word[0].lower() for word in words if len(word) == 1}
        # A name of several words, written with spaces or hyphens („Open-Source-Modell“).
        phrases = sorted((word for word in words if len(word) > 1), key=len, reverse=True)
        pattern = "|".join(r"[\s-]+".join(map(re.escape, phrase)) for phrase in phrases)
        self.phrases = re.compile(rf"(?<!\w)(?:{pattern})(?!\w)") if phrases else None
        self.verdicts: dict[str, bool] = {}  # word -> known; a text repeats its words
        self._quoted: list[SpellChecker] = []  # loaded when a quotation needs them

    def unknown_parts(self, word: str, *, quoted: bool = False) -> list[str]:
        """The parts of a hyphenated word („Euro-Kurs“) that are not known. `quoted`: the
        word stands in a quotation."""
        if self.knows(word.replace("-", "")):
            return []  # „Programmier-Test“ as „Programmiertest“
        parts = [part for part in word.split("-") if len(part) > 1]
        known = self.knows_quoted if quoted else self.knows
        return [part for part in parts if not ABBREVIATION.fullmatch(part) and not known(part)]

    def knows(self, word: str) -> bool:
        """A known word, a project word, their genitive or plural in -s, or a compound of them."""
        if word not in self.verdicts:
            lower = word.lower()
            self.verdicts[word] = self._known(lower) or self._compound(lower, MAX_PARTS)
        return self.verdicts[word]

    def knows_quoted(self, word: str) -> bool:
        """A word inside a quotation: German, or a word of a language the texts quote."""
        if not self._quoted:
            self._quoted = [
                SpellChecker(language=language, case_sensitive=False)
                for language in QUOTED_LANGUAGES
            ]
        return self.knows(word) or any(word.lower() in language for language in self._quoted)

    @lru_cache(maxsize=1024)  # noqa: B019 - one speller a run; it lives as long as the run
    def suggestion(self, word: str) -> str | None:
        """The most frequent word one edit away, written as the word was (capital first
        letter); of equally frequent ones the first in the alphabet, so that a run repeats."""
        candidates = sorted(self.dictionary.candidates(word.lower()) or ())
        found = max(candidates, key=self.dictionary.word_usage_frequency, default=None)
        if not found or found == word.lower():
            return None
        return found.capitalize() if word[0].isupper() else found

    def _known(self, lower: str) -> bool:
        """Known as it is, or as the genitive or plural in -s of a known word („Umfelds“) that
        does not end in s itself (not „Ergebniss“)."""
        genitive = lower.endswith("s") and not lower.endswith("ss")
        words = (lower, lower[:-1]) if genitive else (lower,)
        return any(word in self.project_words or word in self.dictionary for word in words)

    def _compound(self, lower: str, parts: int) -> bool:
        """`lower` is two or more known words in a row, the first ones maybe with a linking
        element; the last part carries the ending and must be known as it is."""
        if parts < 2 or len(lower) < MIN_COMPOUND:
            return False
        for cut in range(MIN_PART, len(lower) - MIN_PART + 1):
            head, tail = lower[:cut], lower[cut:]
            if self._head(head) and (self._known(tail) or self._compound(tail, parts - 1)):
                return True
        return False

    def _head(self, head: str) -> bool:
        """A first part of a compound: a word, maybe with a linking element or without its
        ending."""
        stems = [head[: -len(link)] for link in LINKING if head.endswith(link)]
        forms = [head, *(stem for stem in stems if len(stem) >= MIN_PART)]
        forms += [head + ending for ending in DROPPED]
        return any(self._known(form) for form in forms)


def misspellings(project: Path, speller: Speller | None = None) -> list[Misspelling]:
    """Every unknown word in the data's prose and in docs/, in file order."""
    data_dir = project / "data"
    speller = speller or Speller(read_word_list(data_dir / WORD_LIST))
    files = read_data_files(data_dir)  # the original alone: its overlays are translations
    found = []
    for file, location, marker, text in marked_texts(files):
        if isinstance(marker, Prose):
            field = format_location(location)
            for text_line, word in unknown_words(text, speller):
                line = file.line_in_text(location, text_line)
                found.append(Misspelling(file.display_name, line, field, word,
                                         speller.suggestion(word)))  # fmt: skip
    translated = set(_translations(files))
    for page in sorted((project / "docs").glob(DOCS_PAGES)):
        if page.relative_to(project / "docs").parts[0] in translated:
            continue  # docs/<lang>/: a translated edition's pages
        shown = page.relative_to(project).as_posix()
        for text_line, word in unknown_words(page_text(page.read_text("utf-8")), speller):
            found.append(Misspelling(shown, text_line + 1, "", word, speller.suggestion(word)))
    return found


def _translations(files: list[ParsedFile]) -> list[str]:
    """The language codes of site.yaml's `translations`, as far as the file could be read."""
    site = next((p.file.content for p in files if p.entry.attribute == "site"), None)
    codes = site.get("translations") if isinstance(site, dict) else None
    return [code for code in codes if isinstance(code, str)] if isinstance(codes, list) else []


def unknown_words(text: str, speller: Speller) -> Iterator[tuple[int, str]]:
    """(line in the text, counted from 0; word) of every word the speller does not know."""
    readable = NOT_WORDS.sub(_blank, text)
    if speller.phrases:
        readable = speller.phrases.sub(_blank, readable)
    quoted = [(found.start(), found.end()) for found in QUOTATION.finditer(readable)]
    for found in WORD.finditer(readable):
        in_quote = any(start < found.start() < end for start, end in quoted)
        for word in speller.unknown_parts(found.group(), quoted=in_quote):
            yield readable.count("\n", 0, found.start()), word


def page_text(markdown_text: str) -> str:
    """A page as the words a reader sees: front matter but its title and description blanked."""
    front = FRONT_MATTER.match(markdown_text)
    if not front:
        return markdown_text
    kept = [
        value if key.strip() in READER_KEYS else ""
        for key, _, value in (line.partition(":") for line in front.group(1).split("\n"))
    ]
    return "\n" + "\n".join(kept) + "\n\n" + markdown_text[front.end() :]


def read_word_list(path: Path) -> list[str]:
    """The project's words: one a line; blank lines and '#' comments are skipped."""
    if not path.exists():
        return []
    lines = (line.split("#", 1)[0].strip() for line in path.read_text("utf-8").splitlines())
    return [line for line in lines if line]


def _blank(found: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", found.group())
