using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace PgGuard.Analyzers.ConnectionStrings
{
    public enum HostKind
    {
        /// <summary>A DNS name such as <c>db.example.com</c> or <c>localhost</c>.</summary>
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
        {
            Name = name;
            Port = port;
            Kind = kind;
            Span = span;
        }

        /// <summary>The host without its port; an IPv6 address without brackets.</summary>
        public string Name { get; }

        /// <summary>The port written inside the entry (<c>h:5433</c>), which overrides the Port keyword; null when none.</summary>
        public int? Port { get; }

        public HostKind Kind { get; }

        /// <summary>The entry (host and port, as written, trimmed) within the Host value.</summary>
        public TextSpan Span { get; }
    }

    /// <summary>Splits a Host value the way NpgsqlDataSource does (NPGSQL.md §4).</summary>
    public static class HostList
    {
        public static ImmutableArray<HostEntry> Parse(string value)
        {
            var entries = ImmutableArray.CreateBuilder<HostEntry>();
            var multi = value.IndexOf(',') >= 0;
            var start = 0;
            while (start <= value.Length)
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

                if (itemEnd > itemStart)
                {
                    entries.Add(ParseEntry(value.Substring(itemStart, itemEnd - itemStart), itemStart, multi));
                }

                if (comma < 0)
                {
                    break;
                }

                start = comma + 1;
            }

            return entries.ToImmutable();
        }

        private static HostEntry ParseEntry(string item, int offset, bool multi)
        {
            var span = new TextSpan(offset, item.Length);

            // A single host that is a rooted path or '@name' is a socket directory and is never split (host-14);
            // in a multi-host list the split happens first (edge-09).
            if (!multi && IsSocketPath(item))
            {
                return new HostEntry(item, null, HostKind.UnixSocket, span);
            }

            var name = item;
            int? port = null;
            var colon = item.LastIndexOf(':');
            if (colon > 0)
            {
                var before = item.Substring(0, colon);
                var after = item.Substring(colon + 1);
                // Another ':' before the last one: only a bracketed IPv6 address is split ([::1]:5433, not fe80::1:5433).
                var split = before.IndexOf(':') < 0 || (before.StartsWith("[") && before.EndsWith("]"));
                if (split && NpgsqlValues.TryParseInt(after, out var p))
                {
                    name = before;
                    port = p;
                }
            }

            if (name.Length > 1 && name[0] == '[' && name[name.Length - 1] == ']')
            {
                name = name.Substring(1, name.Length - 2);
            }

            return new HostEntry(name, port, Classify(name), span);
        }

        private static bool IsSocketPath(string host) =>
            host.StartsWith("/") || host.StartsWith("@") || host.StartsWith("\\\\") ||
            (host.Length >= 3 && char.IsLetter(host[0]) && host[1] == ':' && (host[2] == '\\' || host[2] == '/'));

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

            return name.IndexOf(':') >= 0 && IpAddresses.TryParseIPv6(name, out _) ? HostKind.IPv6 : HostKind.Name;
        }
    }
}
