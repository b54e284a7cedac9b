//! The gazetteer: every alias of every known actor in one aho-corasick automaton.
