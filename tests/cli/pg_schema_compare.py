#!/usr/bin/env python3
"""Compare hop's SQLite schema with its PostgreSQL schema (tests/cli/test_pg_schema.sh).

    pg_schema_compare.py SQLITE_FILE PSQL_COMMAND...

Reads the SQLite file with PRAGMA table_info / index_list / index_xinfo /
foreign_key_list and the text of its CREATE statements (for CHECKs, column
collations and partial indexes), and the PostgreSQL database through psql
from pg_catalog and information_schema.  Prints one line per difference and
exits 1 if there is any; db/postgresql/README says what is compared and which
differences are by design (the map of triggers to constraints below).
"""
import re
import sqlite3
import subprocess
import sys

# SQLite triggers that PostgreSQL replaces with a constraint of this name.
TRIGGER_AS_CONSTRAINT = {
    "membership_primary_insert": "membership_primary",
    "membership_primary_update": "membership_primary",
    "mentorship_one_mentor": "mentorship_one_mentor",
}


def strip_comments(sql):
    out, i, n, quote = [], 0, len(sql), None
    while i < n:
        c = sql[i]
        if quote:
            out.append(c)
            if c == quote:
                quote = None
        elif c in "'\"":
            quote = c
            out.append(c)
        elif sql.startswith("--", i):
            while i < n and sql[i] != "\n":
                i += 1
            continue
        else:
            out.append(c)
        i += 1
    return "".join(out)


def scan(text):
    """(index, char, depth) of every character outside string literals."""
    depth, quote = 0, None
    for i, c in enumerate(text):
        if quote:
            if c == quote:
                quote = None
            continue
        if c in "'\"":
            quote = c
            continue
        if c == "(":
            depth += 1
            yield i, c, depth - 1
            continue
        if c == ")":
            depth -= 1
        yield i, c, depth


def paren_body(text, start=0):
    """The text inside the first parenthesis at or after start, and its end."""
    open_at = text.index("(", start)
    for i, c, d in scan(text[open_at:]):
        if c == ")" and d == 0:
            return text[open_at + 1:open_at + i], open_at + i + 1
    raise ValueError("unbalanced: " + text)


def split_top(body):
    parts, last = [], 0
    for i, c, d in scan(body):
        if c == "," and d == 0:
            parts.append(body[last:i])
            last = i + 1
    parts.append(body[last:])
    return [p.strip() for p in parts if p.strip()]


def check_exprs(part):
    """The expressions of every CHECK (...) at the top level of part."""
    found = []
    for m in re.finditer(r"\bCHECK\s*\(", part, re.I):
        if any(i == m.start() and d == 0 for i, _, d in scan(part)):
            found.append(paren_body(part, m.start())[0])
    return found


def mentioned(expr, columns):
    expr = re.sub(r"'[^']*'", "''", expr)
    return tuple(sorted({w for w in re.findall(r"[A-Za-z_][A-Za-z0-9_]*", expr)
                         if w in columns}))


def norm(expr):
    """An expression or predicate, spelled the same way by both databases."""
    if expr is None:
        return None
    e = expr.lower().replace('"', "")
    e = re.sub(r"::(character varying|double precision|[a-z]+)", "", e)
    return re.sub(r"[\s()]", "", e)


def family(decl):
    d = decl.lower()
    if "int" in d:
        return "integer"
    if "text" in d or "char" in d:
        return "text"
    return d


def sqlite_schema(path):
    db = sqlite3.connect(path)
    s = {"tables": {}, "triggers": {}}
    for name, sql in db.execute("SELECT name, sql FROM sqlite_schema WHERE type = 'table' "
                                "AND name NOT LIKE 'sqlite_%' ORDER BY name"):
        sql = strip_comments(sql)
        t = {"columns": [], "pk": (), "indexes": {}, "unique": set(), "fks": set(), "checks": []}
        info = db.execute("SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?)",
                          (name,)).fetchall()
        colnames = {r[0] for r in info}
        parts = split_top(paren_body(sql)[0])
        collate = {}
        for part in parts:
            first = part.split()[0].strip('"')
            if first in colnames:
                collate[first] = "nocase" if re.search(r"\bCOLLATE\s+NOCASE\b", part, re.I) else None
            for expr in check_exprs(part):
                t["checks"].append(mentioned(expr, colnames))
        for col, decl, notnull, dflt, pk in info:
            t["columns"].append((col, family(decl), bool(notnull or pk), norm(dflt),
                                 collate.get(col)))
        t["pk"] = tuple(r[0] for r in sorted((r for r in info if r[4]), key=lambda r: r[4]))
        for _, iname, unique, origin, partial in db.execute(
                "SELECT seq, name, \"unique\", origin, partial FROM pragma_index_list(?)", (name,)):
            if origin == "pk":
                continue
            isql = db.execute("SELECT sql FROM sqlite_schema WHERE name = ?", (iname,)).fetchone()[0]
            exprs = split_top(paren_body(isql, isql.upper().index(" ON "))[0]) if isql else []
            cols = []
            for seqno, cid, cname in db.execute("SELECT seqno, cid, name FROM pragma_index_xinfo(?) "
                                                 "WHERE key ORDER BY seqno", (iname,)):
                cols.append(norm(cname if cid >= 0 else exprs[seqno]))
            where = None
            if partial:
                where = norm(isql[re.search(r"\bWHERE\b", isql, re.I).end():])
            if origin == "u":
                t["unique"].add(tuple(cols))
            else:
                t["indexes"][iname] = (bool(unique), tuple(cols), where)
        fks = {}
        for fid, seq, ref, frm, to in db.execute("SELECT id, seq, \"table\", \"from\", \"to\" "
                                                 "FROM pragma_foreign_key_list(?)", (name,)):
            fks.setdefault(fid, []).append((seq, ref, frm, to))
        for rows in fks.values():
            rows.sort()
            t["fks"].add((tuple(r[2] for r in rows), rows[0][1], tuple(r[3] for r in rows)))
        t["checks"].sort()
        s["tables"][name] = t
    for name, tbl in db.execute("SELECT name, tbl_name FROM sqlite_schema WHERE type = 'trigger'"):
        s["triggers"][name] = tbl
    return s


def psql(cmd, query):
    out = subprocess.run(cmd + ["-X", "-A", "-t", "-q", "-F", "\x1f", "-c", query],
                         check=True, capture_output=True, text=True).stdout
    return [line.split("\x1f") for line in out.split("\n") if line]


def pg_schema(cmd):
    s = {"tables": {}, "triggers": {}, "exclusions": {}}
    ns = "(SELECT oid FROM pg_namespace WHERE nspname = current_schema())"
    cols_of = ("array_to_string(array(SELECT a.attname FROM unnest({k}) WITH ORDINALITY u(n, o) "
               "JOIN pg_attribute a ON a.attrelid = {rel} AND a.attnum = u.n ORDER BY u.o), ',')")
    for (name,) in psql(cmd, f"SELECT relname FROM pg_class WHERE relkind = 'r' "
                             f"AND relnamespace = {ns} ORDER BY relname"):
        s["tables"][name] = {"columns": [], "pk": (), "indexes": {}, "unique": set(),
                             "fks": set(), "checks": []}
    for tname, col, dtype, nullable, dflt, coll in psql(
            cmd, "SELECT table_name, column_name, data_type, is_nullable, coalesce(column_default, "
                 "'~null~'), coalesce(collation_name, '~null~') FROM information_schema.columns "
                 "WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position"):
        if tname in s["tables"]:
            s["tables"][tname]["columns"].append(
                (col, family(dtype), nullable == "NO", norm(None if dflt == "~null~" else dflt),
                 None if coll == "~null~" else coll))
    for tname, kind, cname, a, b, c in psql(
            cmd, f"SELECT conrelid::regclass::text, contype, conname, "
                 f"{cols_of.format(k='conkey', rel='conrelid')}, coalesce(confrelid::regclass::text, ''), "
                 f"{cols_of.format(k='confkey', rel='confrelid')} FROM pg_constraint "
                 f"WHERE connamespace = {ns} AND contype IN ('p', 'f', 'c', 'x')"):
        t = s["tables"][tname]
        if kind == "p":
            t["pk"] = tuple(a.split(","))
        elif kind == "f":
            t["fks"].add((tuple(a.split(",")), b, tuple(c.split(","))))
        elif kind == "c":
            t["checks"].append(tuple(sorted(a.split(","))) if a else ())
        else:
            s["exclusions"][cname] = tname
    for t in s["tables"].values():
        t["checks"].sort()
    for tname, iname, unique, by_constraint, nkeys, where, oid in psql(
            cmd, f"SELECT i.indrelid::regclass::text, c.relname, i.indisunique, "
                 f"coalesce((SELECT contype FROM pg_constraint WHERE conindid = i.indexrelid "
                 f"AND contype IN ('p', 'u', 'x')), '-'), i.indnkeyatts, "
                 f"coalesce(pg_get_expr(i.indpred, i.indrelid, true), '~null~'), i.indexrelid "
                 f"FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                 f"WHERE c.relnamespace = {ns}"):
        if by_constraint in ("p", "x"):
            continue
        cols = tuple(norm(r[0]) for r in psql(
            cmd, f"SELECT pg_get_indexdef({oid}, k, true) FROM generate_series(1, {nkeys}) k "
                 f"ORDER BY k"))
        if by_constraint == "u":
            s["tables"][tname]["unique"].add(cols)
        else:
            s["tables"][tname]["indexes"][iname] = (unique == "t", cols,
                                                    None if where == "~null~" else norm(where))
    for name, tbl in psql(cmd, f"SELECT tgname, tgrelid::regclass::text FROM pg_trigger "
                               f"WHERE NOT tgisinternal"):
        s["triggers"][name] = tbl
    return s


def compare(lite, pg):
    diff = []
    for name in sorted(set(lite["tables"]) | set(pg["tables"])):
        a, b = lite["tables"].get(name), pg["tables"].get(name)
        if a is None or b is None:
            diff.append(f"table {name}: only in {'PostgreSQL' if a is None else 'SQLite'}")
            continue
        names_a = [c[0] for c in a["columns"]]
        names_b = [c[0] for c in b["columns"]]
        if names_a != names_b:
            diff.append(f"table {name}: columns {names_a} (SQLite) vs {names_b} (PostgreSQL)")
        for ca, cb in zip(a["columns"], b["columns"]):
            for what, i in (("type", 1), ("NOT NULL", 2), ("default", 3), ("collation", 4)):
                if ca[0] == cb[0] and ca[i] != cb[i]:
                    diff.append(f"{name}.{ca[0]}: {what} {ca[i]!r} (SQLite) vs {cb[i]!r} (PostgreSQL)")
        for what in ("pk", "unique", "fks", "checks"):
            if a[what] != b[what]:
                diff.append(f"table {name}: {what} {sorted(a[what]) if what != 'pk' else a[what]} "
                            f"(SQLite) vs {sorted(b[what]) if what != 'pk' else b[what]} (PostgreSQL)")
        for iname in sorted(set(a["indexes"]) | set(b["indexes"])):
            ia, ib = a["indexes"].get(iname), b["indexes"].get(iname)
            if ia != ib:
                diff.append(f"index {name}.{iname}: {ia} (SQLite) vs {ib} (PostgreSQL)")
    for trig, tbl in sorted(lite["triggers"].items()):
        if trig in TRIGGER_AS_CONSTRAINT:
            if pg["exclusions"].get(TRIGGER_AS_CONSTRAINT[trig]) != tbl:
                diff.append(f"trigger {trig}: no constraint {TRIGGER_AS_CONSTRAINT[trig]} on {tbl} "
                            f"in PostgreSQL")
        elif pg["triggers"].get(trig) != tbl:
            diff.append(f"trigger {trig} on {tbl}: missing in PostgreSQL")
    for trig, tbl in sorted(pg["triggers"].items()):
        # PostgreSQL has no rowid: every feed table also bumps data_rev on INSERT.
        also = trig.endswith("_rev_insert") and trig[:-7] + "_update" in lite["triggers"]
        if trig not in lite["triggers"] and not also:
            diff.append(f"trigger {trig} on {tbl}: only in PostgreSQL")
    for con in sorted(set(pg["exclusions"]) - set(TRIGGER_AS_CONSTRAINT.values())):
        diff.append(f"exclusion constraint {con}: no SQLite trigger stands for it")
    return diff


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: pg_schema_compare.py SQLITE_FILE PSQL_COMMAND...")
    lite, pg = sqlite_schema(sys.argv[1]), pg_schema(sys.argv[2:])
    diff = compare(lite, pg)
    for line in diff:
        print(line)
    print(f"{len(lite['tables'])} tables compared, {len(diff)} differences")
    sys.exit(1 if diff else 0)


if __name__ == "__main__":
    main()
