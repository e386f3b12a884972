"""Invented news articles for the benchmark, when the development data is not beside the repo.

Every name, place and sentence is made up from the word lists below; the articles have the
shape of wire copy (a lead, quotes with cues before and after them, a quote over two
paragraphs, reported speech, a scare quote) so that the extractor does its usual work.
"""

from __future__ import annotations

import random

FIRST = ["Ana", "Tom", "Maria", "John", "Li", "Omar", "Grace", "Pavel", "Nadia", "Sam"]
LAST = ["Silva", "Berg", "Lopez", "Okafor", "Chen", "Haddad", "Moreau", "Novak", "Reyes", "Lind"]
TOWNS = ["Eastvale", "Northby", "Westmere", "Southam", "Lakeford", "Hillcrest", "Brookton"]
ROLES = ["the mayor", "a council member", "the finance minister", "a union leader", "the judge"]
GROUPS = ["Officials", "Police", "Residents", "The council", "The ministry", "Local traders"]
SUBJECTS = ["the bridge", "the new budget", "the housing plan", "the school", "the railway"]
PREDICATES = [
    "will be finished before the winter",
    "has cost far more than anyone expected",
    "is the best deal the town has had in years",
    "must be put to a vote again",
    "was never properly explained to the public",
]
NARRATION = [
    "The meeting ran late into the evening.",
    "Work on the site began in the spring after a long delay.",
    "The plan was first put forward three years ago.",
    "Several hundred people attended the hearing on Tuesday.",
    "Figures released this week show the cost rising again.",
]
CUES = ["said", "told reporters", "added", "said on Monday", "warned"]


def article(rng: random.Random) -> str:
    """One invented article of eight to twenty paragraphs."""
    person = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    surname = person.split()[1]
    town = rng.choice(TOWNS)
    paragraphs = [f"{town} council met on Monday to discuss {rng.choice(SUBJECTS)}."]
    for _ in range(rng.randint(8, 20)):
        kind = rng.randrange(7)
        claim = f"{rng.choice(SUBJECTS).capitalize()} {rng.choice(PREDICATES)}"
        if kind == 0:
            paragraphs.append(f'"{claim}," {person}, {rng.choice(ROLES)} of {town}, said.')
        elif kind == 1:
            paragraphs.append(f'{surname} {rng.choice(CUES)}: "{claim}."')
        elif kind == 2:
            paragraphs.append(f'"{claim}," she {rng.choice(CUES)}. "We will not give up."')
        elif kind == 3:
            paragraphs.append(f'"{claim}.')
            paragraphs.append(f'"{rng.choice(PREDICATES).capitalize()}," {surname} said.')
        elif kind == 4:
            said = rng.choice(PREDICATES)
            paragraphs.append(f"{rng.choice(GROUPS)} said that {rng.choice(SUBJECTS)} {said}.")
        elif kind == 5:
            paragraphs.append(
                f'{surname} called {rng.choice(SUBJECTS)} "a waste of money" on Tuesday.'
            )
        else:
            paragraphs.append(rng.choice(NARRATION))
    return "\n\n".join(paragraphs)


def articles(n: int, seed: int = 7) -> list[str]:
    """n invented articles, the same for the same seed."""
    rng = random.Random(seed)
    return [article(rng) for _ in range(n)]


SPEECH = [
    "We cannot stay here another night",
    "The river will be high by morning",
    "I never said that I would go with you",
    "Nobody in this house listens to me",
    "You knew about the letter all along",
    "It is too late to turn back now",
]
TAGS = ["said", "asked", "replied", "cried", "whispered", "answered"]
SCENES = [
    "The rain beat on the windows of the old farmhouse, and the fire had burned low.",
    "Nobody spoke for a while. Somewhere below, a door banged in the wind.",
    "They walked on in silence along the lane, past the mill and the dark pond.",
    "The candle guttered. Outside, the dogs had begun to bark again.",
]


def chapter(rng: random.Random, number: int) -> str:
    """One invented chapter of a novel: narration and dialogue between a few people."""
    people = rng.sample([f"{f} {s}" for f in FIRST for s in LAST], 3)
    paragraphs = [f"CHAPTER {number}", rng.choice(SCENES)]
    for _ in range(rng.randint(40, 80)):
        name = rng.choice(people)
        first, surname = name.split()
        words = rng.choice(SPEECH)
        kind = rng.randrange(5)
        if kind == 0:
            paragraphs.append(f'"{words}," {rng.choice(TAGS)} {first}.')
        elif kind == 1:
            paragraphs.append(f'{first} {surname} looked up. "{words}."')
        elif kind == 2:
            paragraphs.append(f'"{words}," she {rng.choice(TAGS)}. "{rng.choice(SPEECH)}."')
        elif kind == 3:
            paragraphs.append(f'"{words}?"')
        else:
            paragraphs.append(rng.choice(SCENES))
    return "\n\n".join(paragraphs)


def novel(length: int, seed: int = 7) -> str:
    """An invented novel of length characters, the same for the same seed and length."""
    rng = random.Random(seed)
    chapters: list[str] = []
    size = 0
    while size < length:
        chapters.append(chapter(rng, len(chapters) + 1))
        size += len(chapters[-1]) + 2
    return "\n\n".join(chapters)[:length]
