using Microsoft.CodeAnalysis.Text;

namespace PgGuard.Analyzers.Sql
{
    public enum SqlTokenKind
    {
        /// <summary>An unquoted word: a keyword or an identifier (PostgreSQL folds it to lower case).</summary>
        Identifier,

        /// <summary><c>"…"</c> or <c>U&amp;"…"</c>: an identifier whose case is kept.</summary>
        QuotedIdentifier,

        /// <summary><c>'…'</c> or the national form <c>N'…'</c>.</summary>
        String,

        /// <summary><c>E'…'</c>: backslash escapes are active.</summary>
        EscapeString,

        /// <summary><c>U&amp;'…'</c>: Unicode escapes.</summary>
        UnicodeString,

        /// <summary><c>B'…'</c> or <c>X'…'</c>: a bit-string constant, never text.</summary>
        BitString,

        /// <summary><c>$tag$…$tag$</c>: literal content, no escapes.</summary>
        DollarString,

        Number,

        /// <summary><c>$1</c>, or an Npgsql/Dapper placeholder <c>@name</c> / <c>:name</c>: a value sent separately.</summary>
        Parameter,

        /// <summary>A run of operator characters (<c>=</c>, <c>||</c>, <c>&lt;&gt;</c>, <c>:=</c> …).</summary>
        Operator,

        OpenParen,
        CloseParen,
        OpenBracket,
        CloseBracket,
        Comma,
        Semicolon,
        Dot,
        Colon,
        DoubleColon,

        /// <summary><c>-- …</c> up to the end of the line.</summary>
        LineComment,

        /// <summary><c>/* … */</c>, nesting.</summary>
        BlockComment,

        /// <summary>A hole (a value unknown at compile time) or a character PostgreSQL's lexer does not accept.</summary>
        Unknown,
    }

    /// <summary>
    /// One token. <see cref="Start"/>/<see cref="End"/> index the lexed <see cref="SqlText.Chars"/>;
    /// <see cref="Span"/> is the same token in outer-text coordinates (where diagnostics go).
    /// </summary>
    public readonly struct SqlToken
    {
        private readonly Flags _flags;

        internal SqlToken(SqlTokenKind kind, int start, int end, TextSpan span, bool terminated, bool hasHole)
        {
            Kind = kind;
            Start = start;
            End = end;
            Span = span;
            _flags = (terminated ? Flags.None : Flags.Unterminated) | (hasHole ? Flags.HasHole : Flags.None);
        }

        [System.Flags]
        private enum Flags : byte
        {
            None = 0,
            Unterminated = 1,
            HasHole = 2,
        }

        public SqlTokenKind Kind { get; }

        /// <summary>Index of the first character in the lexed text.</summary>
        public int Start { get; }

        /// <summary>Index after the last character in the lexed text.</summary>
        public int End { get; }

        public int Length => End - Start;

        /// <summary>The token in outer-text coordinates.</summary>
        public TextSpan Span { get; }

        /// <summary>False for a quote, quoted identifier, dollar quote or block comment that runs to the end of the text.</summary>
        public bool IsTerminated => (_flags & Flags.Unterminated) == 0;

        /// <summary>True when the token is a hole or contains one (its value is not known at compile time).</summary>
        public bool HasHole => (_flags & Flags.HasHole) != 0;

        public bool IsComment => Kind == SqlTokenKind.LineComment || Kind == SqlTokenKind.BlockComment;

        /// <summary>A character-string constant (<c>'…'</c>, <c>E'…'</c>, <c>U&amp;'…'</c>, <c>$$…$$</c>); bit strings are not text.</summary>
        public bool IsStringConstant =>
            Kind == SqlTokenKind.String || Kind == SqlTokenKind.EscapeString
            || Kind == SqlTokenKind.UnicodeString || Kind == SqlTokenKind.DollarString;

        public bool IsIdentifier => Kind == SqlTokenKind.Identifier || Kind == SqlTokenKind.QuotedIdentifier;

        public override string ToString() => Kind + "[" + Start + ".." + End + ")";
    }
}
