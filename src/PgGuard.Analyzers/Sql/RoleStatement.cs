using System.Collections.Generic;

namespace PgGuard.Analyzers.Sql
{
    /// <summary>One option of <c>CREATE|ALTER ROLE</c>: the word's token, and the tokens of its value or name list.</summary>
    internal readonly struct RoleOption
    {
        public RoleOption(int keyword, int valueStart, int valueEnd)
        {
            Keyword = keyword;
            ValueStart = valueStart;
            ValueEnd = valueEnd;
        }

        /// <summary>The option's word (for <c>ENCRYPTED PASSWORD</c>, <c>IN ROLE</c>: the last word).</summary>
        public int Keyword { get; }

        /// <summary>The first token of the value or list (== <see cref="ValueEnd"/> for a flag such as <c>LOGIN</c>).</summary>
        public int ValueStart { get; }

        public int ValueEnd { get; }
    }

    /// <summary>
    /// <c>CREATE|ALTER ROLE|USER|GROUP</c> read the way the server does (POSTGRES.md §1.2–1.3): the first word after
    /// ROLE/USER/GROUP is the role's name (so <c>CREATE ROLE superuser</c> names a role), then an optional WITH and
    /// whitespace-separated options in any order. Options that take a value or a role list consume it, so a role named
    /// <c>superuser</c> in <c>IN ROLE superuser</c> is never read as the attribute. <c>CREATE USER MAPPING</c> is not a role.
    /// </summary>
    internal sealed class RoleStatement
    {
        private RoleStatement(int nameIndex, int nameEnd)
        {
            NameIndex = nameIndex;
            NameEnd = nameEnd;
        }

        public int NameIndex { get; }

        /// <summary>The end (exclusive) of the role's name (a name glued to holes spans several tokens).</summary>
        public int NameEnd { get; }

        public List<RoleOption> Options { get; } = new List<RoleOption>();

        /// <summary>The <c>SET</c> of <c>ALTER ROLE name [IN DATABASE db] SET param …</c>, or -1.</summary>
        public int SetIndex { get; private set; } = -1;

        /// <summary>The first user of <c>ALTER GROUP name ADD USER u, …</c>, or -1.</summary>
        public int AddUserIndex { get; private set; } = -1;

        /// <summary>The role's name as the server folds it, for messages.</summary>
        public string DisplayName(SqlStatement statement) => statement.Display(NameIndex, NameEnd - 1, foldNames: true);

        public static RoleStatement? Parse(SqlStatement statement)
        {
            var create = statement.IsKeyword(0, "create");
            if (!create && !statement.IsKeyword(0, "alter"))
            {
                return null;
            }

            var group = statement.IsKeyword(1, "group");
            if (!group && !statement.IsKeyword(1, "role") && !statement.IsKeyword(1, "user"))
            {
                return null;
            }

            if (statement.IsKeyword(1, "user") && statement.IsKeyword(2, "mapping")
                && (statement.IsKeyword(3, "for") || statement.IsKeyword(3, "if")))
            {
                return null;
            }

            if (statement.Count < 3)
            {
                return null;
            }

            var nameEnd = statement.NameEnd(2);
            var role = new RoleStatement(2, nameEnd > 2 ? nameEnd : 3);
            var i = role.NameEnd;
            if (!create)
            {
                if (statement.IsKeyword(i, "rename") || statement.IsKeyword(i, "reset"))
                {
                    return role;
                }

                if (statement.IsKeyword(i, "in") && statement.IsKeyword(i + 1, "database"))
                {
                    i = statement.NameEnd(i + 2);
                }

                if (statement.IsKeyword(i, "set"))
                {
                    role.SetIndex = i;
                    return role;
                }

                if (group && statement.IsKeyword(i, "add") && statement.IsKeyword(i + 1, "user"))
                {
                    role.AddUserIndex = i + 2;
                    return role;
                }
            }

            if (statement.IsKeyword(i, "with"))
            {
                i++;
            }

            while (i < statement.Count)
            {
                i = ReadOption(statement, i, role.Options);
            }

            return role;
        }

        /// <summary>Reads the option at <paramref name="i"/> and returns the index after it.</summary>
        private static int ReadOption(SqlStatement statement, int i, List<RoleOption> options)
        {
            if (statement.IsKeyword(i, "encrypted") || statement.IsKeyword(i, "unencrypted"))
            {
                return statement.IsKeyword(i + 1, "password") ? Add(options, i + 1, i + 2, Next(statement, i + 2)) : i + 1;
            }

            if (statement.IsKeyword(i, "password") || statement.IsKeyword(i, "sysid"))
            {
                return Add(options, i, i + 1, Next(statement, i + 1));
            }

            if (statement.IsKeyword(i, "valid") && statement.IsKeyword(i + 1, "until"))
            {
                return Add(options, i + 1, i + 2, Next(statement, i + 2));
            }

            if (statement.IsKeyword(i, "connection") && statement.IsKeyword(i + 1, "limit"))
            {
                // CONNECTION LIMIT -1: the sign is an operator token of its own.
                var value = i + 2;
                var end = statement.Is(value, SqlTokenKind.Operator) ? Next(statement, value + 1) : Next(statement, value);
                return Add(options, i + 1, value, end);
            }

            if (statement.IsKeyword(i, "in") && (statement.IsKeyword(i + 1, "role") || statement.IsKeyword(i + 1, "group")))
            {
                return Add(options, i + 1, i + 2, ListEnd(statement, i + 2));
            }

            if (statement.IsKeyword(i, "role") || statement.IsKeyword(i, "admin") || statement.IsKeyword(i, "user"))
            {
                return Add(options, i, i + 1, ListEnd(statement, i + 1));
            }

            return Add(options, i, i + 1, i + 1);
        }

        private static int Add(List<RoleOption> options, int keyword, int valueStart, int valueEnd)
        {
            options.Add(new RoleOption(keyword, valueStart, valueEnd));
            return valueEnd;
        }

        private static int Next(SqlStatement statement, int i) => i < statement.Count ? i + 1 : i;

        /// <summary>The end of a list of role names: <c>name [, name …]</c>.</summary>
        internal static int ListEnd(SqlStatement statement, int i)
        {
            if (i >= statement.Count)
            {
                return i;
            }

            var end = statement.NameEnd(i);
            if (end == i)
            {
                return i + 1;
            }

            while (statement.Is(end, SqlTokenKind.Comma) && end + 1 < statement.Count)
            {
                // A token that cannot be a name is still taken as the list item (the server would reject it anyway).
                var next = statement.NameEnd(end + 1);
                end = next > end + 1 ? next : end + 2;
            }

            return end;
        }
    }
}
