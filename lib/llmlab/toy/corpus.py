"""The toy world: a tiny word-level corpus whose next-word probabilities are known exactly.

Every line is produced by a small probabilistic grammar. Each grammar rule is a Python
generator: it ``yield``s the distribution of the next word (``{word: probability}``) and
receives back the word that was actually chosen (``word = yield dist``). Two drivers feed it:

* sampling picks each word at random from the yielded distribution;
* scoring feeds it the words of an existing line and collects ``log(dist[word])``.

Because each distribution depends only on the words chosen so far and lists every possible
next word once, the scores are the exact probabilities of the toy world, and their average
negative log is the lowest loss any model can reach on average.

Two kinds of lines:

* translation (70%): ``EN: the small cats near the dog sleep in the house JA: 犬 の 近く の
  小さい 猫 たち が 家 で 寝る``. Animals and vehicles have their own verbs and places, and
  the verb agrees in number with the subject even when another noun sits in between.
* facts (30%): ``ken has the red ball . mia has the blue cup . what does ken have ? the red
  ball``. The answer can only be copied from earlier in the same line.
"""

import math
import random
from collections.abc import Generator, Iterable
from dataclasses import dataclass
from pathlib import Path

from llmlab.messages import msg
from llmlab.paths import DATA_DIR
from llmlab.engine.validate import LlmlabError, LlmlabTypeError, kind_of

Distribution = dict[str, float]
# A grammar rule yields next-word distributions, is sent the chosen words, returns a value.
Rule = Generator[Distribution, str, object]

END = "\n"
MAX_LINE_TOKENS = 32  # including the closing END
TRAIN_LINES, TRAIN_SEED = 8000, 0
VAL_LINES, VAL_SEED = 1000, 1

P_TRANSLATION = 0.7  # the rest are fact lines
P_ADJECTIVE = 0.4  # chance that a noun phrase has an adjective
P_NEAR = 0.3  # chance of a distracting "near the ..." between subject and verb

# --- translation lines ---
ADJECTIVES = ("big", "small", "red", "white")
NOUNS = {"animal": ("cat", "dog", "bird", "rabbit"), "vehicle": ("car", "train", "bus", "boat")}
PLURALS = {
    "cat": "cats", "dog": "dogs", "bird": "birds", "rabbit": "rabbits",
    "car": "cars", "train": "trains", "bus": "buses", "boat": "boats",
}
VERBS = {"animal": ("play", "sleep", "eat"), "vehicle": ("run", "stop", "wait")}  # plural forms
PLACES = {"animal": ("garden", "park", "house"), "vehicle": ("road", "station", "city")}
JAPANESE = {
    "cat": "猫", "dog": "犬", "bird": "鳥", "rabbit": "うさぎ",
    "car": "車", "train": "電車", "bus": "バス", "boat": "船",
    "play": "遊ぶ", "sleep": "寝る", "eat": "食べる", "run": "走る", "stop": "止まる", "wait": "待つ",
    "garden": "庭", "park": "公園", "house": "家", "road": "道", "station": "駅", "city": "町",
    "big": "大きい", "small": "小さい", "red": "赤い", "white": "白い",
}
JAPANESE_GRAMMAR = ("が", "で", "の", "近く", "たち")

# --- fact lines ---
NAMES = ("ken", "mia", "yuki", "tom", "ana", "leo")
COLOURS = ("red", "blue", "green", "white")
OBJECTS = ("ball", "cup", "book", "hat", "box")
FACT_WORDS = ("has", ".", "what", "does", "have", "?")


@dataclass(frozen=True)
class NounPhrase:
    """``the [adjective] noun[s]``, remembered so the verb and the translation can use it."""

    adjective: str | None
    noun: str  # singular form
    plural: bool

    @property
    def kind(self) -> str:
        return "animal" if self.noun in NOUNS["animal"] else "vehicle"


def _uniform(words: Iterable[str], total: float = 1.0) -> Distribution:
    """Spread probability ``total`` evenly over ``words``."""
    words = list(words)
    return {word: total / len(words) for word in words}


def _merge(*parts: Distribution) -> Distribution:
    """Add distributions over next words; a word reachable by several paths gets their sum."""
    merged: Distribution = {}
    for part in parts:
        for word, p in part.items():
            merged[word] = merged.get(word, 0.0) + p
    return merged


def _noun_forms() -> dict[str, tuple[str, bool]]:
    """Every noun as written -> (singular form, is plural)."""
    forms = {}
    for noun, plural in PLURALS.items():
        forms[noun], forms[plural] = (noun, False), (noun, True)
    return forms


NOUN_FORMS = _noun_forms()
LINE_PRIOR = _merge({"EN:": P_TRANSLATION}, _uniform(NAMES, 1 - P_TRANSLATION))


def _verb_forms(subject: NounPhrase) -> list[str]:
    """The verbs that fit the subject's kind, in the form agreeing with its number."""
    return [verb if subject.plural else verb + "s" for verb in VERBS[subject.kind]]


def _say(*words: str) -> Rule:
    """Words that are certain: each is yielded with probability 1."""
    for word in words:
        yield {word: 1.0}


def _noun_phrase() -> Rule:
    """``the [adjective] noun[s]``, any kind and number; returns the NounPhrase."""
    yield from _say("the")
    word = yield _merge(_uniform(ADJECTIVES, P_ADJECTIVE), _uniform(NOUN_FORMS, 1 - P_ADJECTIVE))
    adjective = None
    if word in ADJECTIVES:
        adjective = word
        word = yield _uniform(NOUN_FORMS)
    noun, plural = NOUN_FORMS[word]
    return NounPhrase(adjective, noun, plural)


def _japanese_noun_phrase(phrase: NounPhrase) -> list[str]:
    """大きい 猫 たち: adjective, noun, and たち for several animals."""
    words = [JAPANESE[phrase.adjective]] if phrase.adjective else []
    words.append(JAPANESE[phrase.noun])
    if phrase.plural and phrase.kind == "animal":
        words.append("たち")
    return words


def _japanese(subject: NounPhrase, near: NounPhrase | None, verb: str, place: str) -> list[str]:
    """The Japanese sentence: [X の 近く の] SUBJECT が PLACE で VERB."""
    words = (_japanese_noun_phrase(near) + ["の", "近く", "の"]) if near else []
    return words + _japanese_noun_phrase(subject) + ["が", JAPANESE[place], "で", JAPANESE[verb]]


def _translation() -> Rule:
    """``the subject [near the X] verb in the place JA: <translation>`` (after ``EN:``)."""
    subject = yield from _noun_phrase()
    verbs = _verb_forms(subject)
    word = yield _merge({"near": P_NEAR}, _uniform(verbs, 1 - P_NEAR))
    near = None
    if word == "near":
        near = yield from _noun_phrase()
        word = yield _uniform(verbs)  # agrees with the subject, not with the nearer noun
    verb = VERBS[subject.kind][verbs.index(word)]
    yield from _say("in", "the")
    place = yield _uniform(PLACES[subject.kind])
    yield from _say("JA:", *_japanese(subject, near, verb, place))


def _possession() -> Rule:
    """``has the colour object``; returns (colour, object)."""
    yield from _say("has", "the")
    colour = yield _uniform(COLOURS)
    thing = yield _uniform(OBJECTS)
    return colour, thing


def _facts(first: str) -> Rule:
    """Two people, their things, and a question whose answer is copied from the line."""
    first_thing = yield from _possession()
    yield from _say(".")
    second = yield _uniform(name for name in NAMES if name != first)
    second_thing = yield from _possession()
    yield from _say(".", "what", "does")
    asked = yield _uniform([first, second])
    colour, thing = first_thing if asked == first else second_thing
    yield from _say("have", "?", "the", colour, thing)


def _line() -> Rule:
    """One whole line, ending with the END token."""
    first = yield LINE_PRIOR
    if first == "EN:":
        yield from _translation()
    else:
        yield from _facts(first)
    yield from _say(END)


def _send(rule: Rule, word: str) -> Distribution:
    """Give ``word`` to the grammar; the next distribution, or {} once the line is over."""
    try:
        return rule.send(word)
    except StopIteration:
        return {}


def _follow(words: list[str]) -> tuple[Distribution, list[float]]:
    """Walk the grammar along ``words``: (distribution of the next word, log p of each word)."""
    rule = _line()
    dist = next(rule)
    logprobs = []
    for i, word in enumerate(words):
        if not dist:
            raise LlmlabError(msg("corpus.line_ended"))
        if word not in dist:
            raise LlmlabError(msg("corpus.impossible_word", word=word, prefix=" ".join(words[:i]),
                                 options=", ".join(map(repr, dist))))
        logprobs.append(math.log(dist[word]))
        dist = _send(rule, word)
    return dist, logprobs


def next_word_distribution(prefix: list[str]) -> Distribution:
    """Exact probabilities of the next word after ``prefix`` (the line's words so far)."""
    dist, _ = _follow(prefix)
    if not dist:
        raise LlmlabError(msg("corpus.line_ended"))
    return dict(dist)


def line_logprobs(words: list[str]) -> list[float]:
    """Natural-log probability of each word of a line and of its closing END."""
    if not isinstance(words, (list, tuple)) or not all(isinstance(word, str) for word in words):
        raise LlmlabTypeError(msg("corpus.not_words", kind=kind_of(words)))
    _, logprobs = _follow([*words, END])
    return logprobs


def _sample_line(rng: random.Random) -> list[str]:
    """The words of one random line, END included."""
    rule = _line()
    dist = next(rule)
    words = []
    while dist:
        word = rng.choices(list(dist), weights=list(dist.values()))[0]
        words.append(word)
        dist = _send(rule, word)
    assert len(words) <= MAX_LINE_TOKENS, words
    return words


def generate_lines(n: int, seed: int) -> list[str]:
    """``n`` random lines (words joined by single spaces, without END); same seed, same lines."""
    rng = random.Random(seed)
    return [" ".join(_sample_line(rng)[:-1]) for _ in range(n)]


def is_fact_line(line: str) -> bool:
    """Does this line tell facts and ask about them (rather than translate)?"""
    return line.split(" ", 1)[0] in NAMES


def entropy_per_token(lines: Iterable[str]) -> float:
    """Mean of -log p over every word and every closing END of ``lines``, in nats."""
    total, count = 0.0, 0
    for line in lines:
        logprobs = line_logprobs(line.split(" "))
        total -= sum(logprobs)
        count += len(logprobs)
    return total / count


def vocabulary() -> list[str]:
    """Every word the grammar can emit, END included, in a fixed order."""
    words = [
        END, "EN:", "JA:", "the", "near", "in", *ADJECTIVES, *NOUN_FORMS,
        *(form for kind in VERBS for verb in VERBS[kind] for form in (verb + "s", verb)),
        *PLACES["animal"], *PLACES["vehicle"], *JAPANESE.values(), *JAPANESE_GRAMMAR,
        *NAMES, *FACT_WORDS, *COLOURS, *OBJECTS,
    ]
    return list(dict.fromkeys(words))  # drop repeats (red, white), keep the order


def translation_pairs() -> dict[str, str]:
    """English content word -> Japanese word (both forms of nouns and verbs)."""
    pairs = {}
    for english, japanese in JAPANESE.items():
        pairs[english] = japanese
        if english in PLURALS:
            pairs[PLURALS[english]] = japanese
        if any(english in verbs for verbs in VERBS.values()):
            pairs[english + "s"] = japanese
    pairs["near"] = "近く"
    return pairs


def word_kinds() -> dict[str, str]:
    """A kind for every word, for colouring plots; Japanese words share their meaning's kind."""
    kinds = {word: "function" for word in vocabulary()}
    for kind in NOUNS:
        kinds.update({form: kind for form, (noun, _) in NOUN_FORMS.items() if noun in NOUNS[kind]})
        kinds.update({verb: "verb" for verb in VERBS[kind]})
        kinds.update({verb + "s": "verb" for verb in VERBS[kind]})
        kinds.update({place: "place" for place in PLACES[kind]})
    kinds.update({word: "adjective" for word in ADJECTIVES})
    kinds.update({word: "colour" for word in COLOURS})
    kinds.update({word: "name" for word in NAMES})
    kinds.update({word: "object" for word in OBJECTS})
    kinds.update({japanese: kinds[english] for english, japanese in JAPANESE.items()})
    return kinds


def _write_lines(path: Path, lines: list[str]) -> None:
    """UTF-8, one line each, ``\\n`` line endings on every platform."""
    with path.open("w", encoding="utf-8", newline="\n") as file:
        file.writelines(line + "\n" for line in lines)


def write_corpus(directory: Path = DATA_DIR) -> None:
    """Write toy_train.txt and toy_val.txt (different seeds) into ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    _write_lines(directory / "toy_train.txt", generate_lines(TRAIN_LINES, TRAIN_SEED))
    _write_lines(directory / "toy_val.txt", generate_lines(VAL_LINES, VAL_SEED))


def _read_lines(path: Path) -> list[str]:
    """The lines of one corpus file, without their line endings."""
    if not path.exists():
        raise FileNotFoundError(msg("corpus.missing_file", path=path))
    return path.read_text(encoding="utf-8").split("\n")[:-1]


def load_corpus(directory: Path = DATA_DIR) -> tuple[list[str], list[str]]:
    """The (train, validation) lines of the toy corpus."""
    return _read_lines(directory / "toy_train.txt"), _read_lines(directory / "toy_val.txt")


if __name__ == "__main__":
    write_corpus(DATA_DIR)
    for name in ("toy_train.txt", "toy_val.txt"):
        path = DATA_DIR / name
        lines = _read_lines(path)
        print(msg("corpus.file_summary", path=path, lines=len(lines), size=path.stat().st_size))
        print(msg("corpus.entropy", name=name, value=entropy_per_token(lines)))
