#!/usr/bin/python3
"""List hop's SQL statements that only SQLite understands.

Every string literal (adjacent literals joined, as the compiler does) in the C
files given that starts like a statement, or holds a clause in capitals (a
piece of one in a macro), is checked for constructs PostgreSQL
does not speak: SQLite's date functions and modifiers, GLOB, rowid, INSERT OR
..., ifnull, two-argument min/max, group_concat, instr, PRAGMA and the
sqlite_ tables, SQLite's own collations BINARY and RTRIM (hop and NOCASE,
which core names, are in both schemas: db/postgresql/0001), and comparisons
that use an integer as a boolean.  Prints "file:line: construct: statement"
per statement and, last, "N statements use SQLite-only SQL".
The db layer's drivers (src/db/db_sqlite*.c, db_pg*.c) speak their own
engine's SQL by design and are not checked.

  tests/sql/portable.py src/core src/db        the list
  tests/sql/portable.py --count src/core ...   the number only
"""
import os
import re
import sys

STATEMENT = re.compile(r"^\s*(SELECT|INSERT|UPDATE|DELETE|WITH|CREATE|DROP|ALTER|PRAGMA|"
                       r"REPLACE|VALUES)\b", re.I)
# A piece of a statement kept in a macro ("ORDER BY s.name COLLATE hop"):
# clause words in capitals, as hop writes SQL and never prose.
# ...or a piece with a numbered parameter ("min(?2, p.end_date)" given to a macro).
PARAM = re.compile(r"\?\d")
FRAGMENT = re.compile(r"\b(SELECT|FROM|WHERE|ORDER BY|GROUP BY|JOIN|SET|VALUES)\b")
CONSTRUCTS = [
    ("date function", re.compile(r"\b(date|datetime|julianday|strftime|unixepoch|time)\s*\(", re.I)),
    ("date modifier", re.compile(r"'[+-]\d+ (day|days|month|months|year|years)'", re.I)),
    ("GLOB", re.compile(r"\bGLOB\b", re.I)),
    ("rowid", re.compile(r"\b(_?rowid_?|oid)\b", re.I)),
    ("INSERT OR", re.compile(r"\bINSERT\s+OR\s+(REPLACE|IGNORE|ABORT|FAIL|ROLLBACK)\b", re.I)),
    ("REPLACE INTO", re.compile(r"^\s*REPLACE\s+INTO\b", re.I)),
    ("ifnull", re.compile(r"\bifnull\s*\(", re.I)),
    ("iif", re.compile(r"\biif\s*\(", re.I)),
    ("group_concat", re.compile(r"\bgroup_concat\s*\(", re.I)),
    ("instr", re.compile(r"\binstr\s*\(", re.I)),
    ("printf", re.compile(r"\b(printf|format)\s*\(", re.I)),
    ("typeof", re.compile(r"\btypeof\s*\(", re.I)),
    ("total", re.compile(r"\btotal\s*\(", re.I)),
    ("PRAGMA", re.compile(r"\bPRAGMA\b", re.I)),
    ("sqlite_ table", re.compile(r"\bsqlite_\w+", re.I)),
    # hop and NOCASE are collations of hop's schema on both (PostgreSQL's
    # db/postgresql/0001_foundation.sql creates them); these two are SQLite's alone.
    ("COLLATE BINARY/RTRIM", re.compile(r"\bCOLLATE\s+(binary|rtrim)\b", re.I)),
    # SQLite's "a IS b" / "a IS NOT b" of values (both: IS [NOT] DISTINCT FROM).
    ("IS of values", re.compile(r"\bIS\s+(NOT\s+)?(?!NOT\b|NULL\b|DISTINCT\b|TRUE\b|FALSE\b)[\w?]", re.I)),
    ("LIMIT -1", re.compile(r"\bLIMIT\s+-1\b", re.I)),
    # A comparison summed or added as a number: sum(a = b), (x > 0) + 1.
    ("boolean as integer", re.compile(r"\b(sum|total|max|min)\s*\(\s*[\w.]+\s*(=|<>|!=|<|>|<=|>=)\s*[\w.?']+\s*\)", re.I)),
]
# two-argument min()/max() (PostgreSQL: least/greatest), found by counting commas
SCALAR = re.compile(r"\b(min|max)\s*\(", re.I)

LITERAL = re.compile(r'"((?:[^"\\\n]|\\.)*)"')


def literals(text):
    """Yield (line, joined literal) for each run of adjacent string literals."""
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            i = text.find("\n", i)
            i = n if i < 0 else i
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            i = n if j < 0 else j + 2
        elif c == "'":
            j = i + 1
            while j < n and text[j] != "'":
                j += 2 if text[j] == "\\" else 1
            i = j + 1
        elif c == '"':
            line = text.count("\n", 0, i) + 1
            parts = []
            while True:
                m = LITERAL.match(text, i)
                if not m:
                    i += 1
                    break
                parts.append(m.group(1))
                i = m.end()
                # whitespace, comments and line continuations between literals
                k = i
                while True:
                    while k < n and text[k] in " \t\r\n\\":
                        k += 1
                    if text.startswith("/*", k):
                        e = text.find("*/", k + 2)
                        k = n if e < 0 else e + 2
                    elif text.startswith("//", k):
                        e = text.find("\n", k)
                        k = n if e < 0 else e
                    else:
                        break
                if k < n and text[k] == '"':
                    i = k
                    continue
                break
            yield line, "".join(parts).replace('\\"', '"').replace("\\n", "\n")
        else:
            i += 1


def scalar_minmax(sql):
    for m in SCALAR.finditer(sql):
        depth, commas = 1, 0
        for ch in sql[m.end():]:
            if ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
                if depth == 0:
                    break
            elif ch == "," and depth == 1:
                commas += 1
        if commas:
            return True
    return False


TOKEN = re.compile(r"\?\d+|[A-Za-z_][\w.]*|<=|>=|<>|!=|\|\||[=<>(),+*/-]")
BOOL_BEFORE = {"or", "and", "not", "when", "where", "(", "on"}
BOOL_AFTER = {"or", "and", "then", ")", None}


def param_as_boolean(sql):
    """An integer parameter where a condition stands: "?2 OR x", "NOT ?3",
    "WHEN ?1 THEN" (PostgreSQL wants a boolean there)."""
    toks = [t.lower() for t in TOKEN.findall(sql)]
    for i, t in enumerate(toks):
        if not t.startswith("?"):
            continue
        before = toks[i - 1] if i > 0 else None
        after = toks[i + 1] if i + 1 < len(toks) else None
        if before not in BOOL_BEFORE or after not in BOOL_AFTER:
            continue
        if before == "(" and i > 1 and re.match(r"[a-z_]", toks[i - 2]) and \
                toks[i - 2] not in BOOL_BEFORE | {"in"}:
            continue            # f(?1): a function's argument
        if before == "(" and after == ")":
            continue            # (?1) alone: a value in brackets
        if before == "and" and i > 2 and toks[i - 3] == "between":
            continue            # BETWEEN ?1 AND ?2
        return True
    return False


AGGREGATE = re.compile(r"\b(sum|total|avg|max|min)\s*\(", re.I)
CONDITION = re.compile(r"(<>|!=|<=|>=|[=<>])|\b(AND|OR|NOT|IS|IN|LIKE|BETWEEN|EXISTS)\b", re.I)


def aggregate_of_condition(sql):
    """sum(a AND b), sum(x IS NULL), max(a = b): a condition counted as a number
    (PostgreSQL: sum(CASE WHEN ... THEN 1 ELSE 0 END), count(*) FILTER ...)."""
    for m in AGGREGATE.finditer(sql):
        depth, arg = 1, []
        for ch in sql[m.end():]:
            if ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
                if depth == 0:
                    break
            arg.append(ch if depth == 1 else " ")
        text = "".join(arg).strip()
        if re.match(r"(CASE|DISTINCT)\b", text, re.I):
            continue
        if CONDITION.search(text):
            return True
    return False


def strip_quoted(sql):
    return re.sub(r"'(?:[^']|'')*'", lambda m: m.group(0) if re.match(r"'[+-]\d+ ", m.group(0)) else "''", sql)


def check(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    for line, sql in literals(text):
        if not STATEMENT.match(sql) and not FRAGMENT.search(sql) and not PARAM.search(sql):
            continue
        body = strip_quoted(sql)
        found = [name for name, rx in CONSTRUCTS if rx.search(body)]
        if scalar_minmax(body):
            found.append("min/max of two values")
        if param_as_boolean(body):
            found.append("integer as boolean")
        if aggregate_of_condition(body) and "boolean as integer" not in found:
            found.append("boolean as integer")
        if found:
            yield line, found, " ".join(sql.split())


def main(argv):
    count_only = "--count" in argv
    roots = [a for a in argv if a != "--count"] or ["src/core", "src/db"]
    files = []
    for root in roots:
        if os.path.isfile(root):
            files.append(root)
            continue
        for d, _, names in os.walk(root):
            files += [os.path.join(d, x) for x in names if x.endswith((".c", ".h"))]
    total = 0
    for path in sorted(files):
        if re.search(r"src/db/db_(sqlite|pg)", path):
            continue
        for line, found, sql in check(path):
            total += 1
            if not count_only:
                print("%s:%d: %s: %s" % (path, line, ", ".join(found), sql[:160]))
    if count_only:
        print(total)
    else:
        print("%d statements use SQLite-only SQL" % total)


if __name__ == "__main__":
    main(sys.argv[1:])
