"""Word classes the entity sieves share."""

from __future__ import annotations

# People a speaker or a name may be described as, with no sector of their own in the
# actor dictionary ("an eyewitness", "Another passenger, Ali Khan, said").
PEOPLE_NOUNS = frozenset(
    {"witness", "eyewitness", "resident", "survivor", "passenger", "interviewee", "victim",
     "relative", "organizer", "organiser", "participant", "voter", "expert", "analyst",
     "observer", "advocate", "critic", "supporter", "opponent", "villager", "farmer",
     "refugee", "migrant", "citizen", "person", "source", "worker", "doctor", "nurse",
     "teacher", "parent", "student", "official", "reporter", "journalist", "lawyer",
     "attorney", "spokesperson", "spokesman", "spokeswoman", "member", "leader", "writer",
     "author", "owner", "employee", "neighbour", "neighbor", "friend", "family", "mother",
     "father", "son", "daughter", "wife", "husband", "user", "customer", "shopper", "fan"}
)  # fmt: skip
# Nouns for many people at once: a described group ("the ethnic minority"), never one
# person's role ("the community" is nobody's title).
COLLECTIVE_NOUNS = frozenset({"minority", "community", "group", "population", "tribe", "clan"})
