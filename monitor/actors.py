"""Public entry point for the entity_mentions layer named in docs/CONTRACTS.md.

The work is split by idea: monitor.actor_dictionary (seeds -> frames), monitor.mentions (matching and
assembly), monitor.mention_rules (context, dated roles, surnames), monitor.candidates (unknown names).
"""

from monitor.actor_dictionary import ActorDictionary, load_actor_dictionary
from monitor.candidates import unresolved_candidates
from monitor.mentions import MENTION_SCHEMA, find_mentions

__all__ = [
    "MENTION_SCHEMA",
    "ActorDictionary",
    "find_mentions",
    "load_actor_dictionary",
    "unresolved_candidates",
]
