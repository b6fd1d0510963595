using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace PgGuard.Analyzers.ConnectionStrings
{
    public enum HostKind
    {
        /// <summary>A DNS name such as <c>db.example.com</c> or <c>localhost</c> (also an empty entry).</summary>
        Name,
        IPv4,
        IPv6,

        /// <summary>A Unix-domain socket directory (<c>/var/run/postgresql</c>, <c>@abstract</c>): never a network host.</summary>
        UnixSocket,
    }

    /// <summary>One entry of a Host value: <c>a:5433,b</c> holds two.</summary>
    public sealed class HostEntry
    {
        public HostEntry(string name, int? port, HostKind kind, TextSpan span)
            : this(name, port, kind, span, hasInvalidPort: false)
        {
        }

        public HostEntry(string name, int? port, HostKind kind, TextSpan span, bool hasInvalidPort)
        {
            Name = name;
            Port = port;
            Kind = kind;
            Span = span;
            HasInvalidPort = hasInvalidPort;
        }

        /// <summary>The host without its port; an IPv6 address without brackets.</summary>
        public string Name { get; }

        /// <summary>The port written inside the entry (<c>h:5433</c>), which overrides the Port keyword; null when none.</summary>
        public int? Port { get; }

        public HostKind Kind { get; }

        /// <summary>The entry (host and port, as written; trimmed in a list) within the Host value.</summary>
        public TextSpan Span { get; }

        /// <summary>
        /// A port separator with something other than an integer above 0 after it (<c>h:abc</c>, <c>h:</c>, <c>h:0</c>):
        /// the builder accepts it, but creating the data source or connection throws. <see cref="Port"/> is then null.
        /// </summary>
        public bool HasInvalidPort { get; }

        public override string ToString() => Port is { } port ? Name + ":" + port : Name;
    }

    /// <summary>Splits a Host value the way NpgsqlDataSource does (NPGSQL.md §4).</summary>
    /// <remarks>
    /// A value with a ',' is a list: every item is trimmed and split, even an empty one (<c>a,</c> has two entries).
    /// A single host is neither trimmed nor split when it is a socket directory (<c>/tmp:5433</c> is a path). The last ':'
    /// separates the port unless another ':' comes before it, except right after ']' (<c>[::1]:5433</c>); so a bare IPv6
    /// address is never split (<c>fe80::1:5433</c> is one address).
    /// Deliberate difference: <c>C:\…</c> and <c>\\…</c> count as socket directories, as on Windows, where Npgsql treats a
    /// rooted path so; on Linux it would split <c>C:\pg</c> and fail.
    /// </remarks>
    public static class HostList
    {
        public static ImmutableArray<HostEntry> Parse(string value)
        {
            if (value.Length == 0)
            {
                return ImmutableArray<HostEntry>.Empty;
            }

            if (value.IndexOf(',') < 0)
            {
                return ImmutableArray.Create(ParseEntry(value, 0, value.Length, single: true));
            }

            var entries = ImmutableArray.CreateBuilder<HostEntry>();
            var start = 0;
            while (true)
            {
                var comma = value.IndexOf(',', start);
                var end = comma < 0 ? value.Length : comma;
                var itemStart = start;
                var itemEnd = end;
                while (itemStart < itemEnd && char.IsWhiteSpace(value[itemStart]))
                {
                    itemStart++;
                }

                while (itemEnd > itemStart && char.IsWhiteSpace(value[itemEnd - 1]))
                {
                    itemEnd--;
                }

                entries.Add(ParseEntry(value, itemStart, itemEnd, single: false));
                if (comma < 0)
                {
                    return entries.ToImmutable();
                }

                start = comma + 1;
            }
        }

        /// <summary>A Unix-domain socket directory: a rooted path (Unix or Windows form) or an abstract name (<c>@name</c>).</summary>
        public static bool IsSocketPath(string host) =>
            host.Length > 0 &&
            (host[0] == '/' || host[0] == '@' || host[0] == '\\' ||
             (host.Length >= 3 && IsAsciiLetter(host[0]) && host[1] == ':' && (host[2] == '\\' || host[2] == '/')));

        private static HostEntry ParseEntry(string value, int start, int end, bool single)
        {
            var item = value.Substring(start, end - start);
            var span = TextSpan.FromBounds(start, end);
            if (single && IsSocketPath(item))
            {
                return new HostEntry(item, null, HostKind.UnixSocket, span);
            }

            var name = item;
            int? port = null;
            var invalidPort = false;
            var separator = item.LastIndexOf(':');
            if (separator >= 0 &&
                (separator == 0 || item.LastIndexOf(':', separator - 1) < 0 || item[separator - 1] == ']'))
            {
                name = item.Substring(0, separator);
                if (NpgsqlValues.TryParseInt(item.Substring(separator + 1), out var p) && p > 0)
                {
                    port = p;
                }
                else
                {
                    invalidPort = true;
                }
            }

            if (name.Length >= 2 && name[0] == '[' && name[name.Length - 1] == ']' && IpAddresses.TryParseIPv6(name, out _))
            {
                name = name.Substring(1, name.Length - 2);
            }

            return new HostEntry(name, port, Classify(name), span, invalidPort);
        }

        private static HostKind Classify(string name)
        {
            if (IsSocketPath(name))
            {
                return HostKind.UnixSocket;
            }

            if (IpAddresses.TryParseIPv4(name, out _))
            {
                return HostKind.IPv4;
            }

            return IpAddresses.TryParseIPv6(name, out _) ? HostKind.IPv6 : HostKind.Name;
        }

        private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
