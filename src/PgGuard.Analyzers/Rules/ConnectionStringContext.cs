using System;
using System.Collections.Immutable;
using PgGuard.Analyzers.ConnectionStrings;
using PgGuard.Analyzers.Options;

namespace PgGuard.Analyzers.Rules
{
    public enum TextOrigin
    {
        /// <summary>C# source: literals, consts, builders.</summary>
        CSharp,

        /// <summary>appsettings*.json, app.config / web.config.</summary>
        ConfigFile,
    }

    /// <summary>Where the hosts of a connection string point (RULES.md "Terms").</summary>
    public enum HostClass
    {
        /// <summary>Host is a hole, or absent (Npgsql then refuses to connect): rules that need a host stay silent.</summary>
        Unknown,

        /// <summary>Every host is localhost, loopback, a Unix socket directory or a pgguard.local_hosts name.</summary>
        Local,

        /// <summary>At least one known host is not local.</summary>
        Remote,
    }

    /// <summary>Everything a connection-string rule may look at, besides the model: origin, project and options.</summary>
    public sealed class ConnectionStringContext
    {
        private HostClass? _hostClass;
        private ImmutableArray<HostEntry> _hosts;

        public ConnectionStringContext(
            ParsedConnectionString model,
            TextOrigin origin,
            PgGuardOptions options,
            bool isTestProject = false,
            bool isDevelopmentConfig = false,
            bool isComplete = true)
        {
            Model = model;
            Origin = origin;
            Options = options;
            IsTestProject = isTestProject;
            IsDevelopmentConfig = isDevelopmentConfig;
            IsComplete = isComplete;
        }

        public ParsedConnectionString Model { get; }

        public TextOrigin Origin { get; }

        public PgGuardOptions Options { get; }

        public bool IsTestProject { get; }

        /// <summary>A development config file (appsettings.Development.json …): PG0006 and PG0010 stay silent there.</summary>
        public bool IsDevelopmentConfig { get; }

        /// <summary>
        /// False when the text may be a fragment of a larger connection string (a const used in concatenations):
        /// rules about a missing setting (PG0004, PG0008) then stay silent.
        /// </summary>
        public bool IsComplete { get; }

        /// <summary>The effective Host setting, or null when it is absent or unknown.</summary>
        public ConnectionStringSetting? HostSetting
        {
            get
            {
                var host = Model.GetEffective(NpgsqlKeywords.Host);
                return host.IsKnown && !IsLibpqHost(host.Text!) ? host.Setting : null;
            }
        }

        /// <summary>The entries of the effective Host value (empty when unknown).</summary>
        public ImmutableArray<HostEntry> Hosts
        {
            get
            {
                if (_hosts.IsDefault)
                {
                    var setting = HostSetting;
                    var uriHost = Model.Text is { } text ? PostgresUri.Host(text.Text) : null;
                    var all = setting?.Value is { } value ? HostList.Parse(value)
                        : uriHost is not null ? HostList.Parse(uriHost)
                        : ImmutableArray<HostEntry>.Empty;

                    // "a,b," has an empty last entry (NPGSQL.md host-07): it names no server.
                    _hosts = all.RemoveAll(entry => entry.Name.Trim().Length == 0);
                }

                return _hosts;
            }
        }

        public HostClass HostClass => _hostClass ??= ClassifyHosts();

        public bool IsRemote => HostClass == HostClass.Remote;

        public bool IsLocal(HostEntry entry) =>
            entry.Kind == HostKind.UnixSocket ||
            string.Equals(entry.Name, "localhost", StringComparison.OrdinalIgnoreCase) ||
            IpAddresses.IsLoopback(entry.Name) ||
            Options.LocalHosts.Contains(entry.Name);

        /// <summary>The port an entry connects to: its own <c>h:p</c>, else the Port keyword, else 5432; null when unknown.</summary>
        public int? EffectivePort(HostEntry entry)
        {
            if (entry.Port is { } own)
            {
                return own;
            }

            var port = Model.GetEffective(NpgsqlKeywords.Port);
            if (port.IsAbsent)
            {
                return 5432;
            }

            return port.TryGetInt(out var value) ? value : (int?)null;
        }

        /// <summary>
        /// libpq's <c>host=x port=5432 dbname=d</c> parses in Npgsql as one Host value holding spaces and '=';
        /// such a "host" names no real server, so host rules ignore it and PG0011 explains it.
        /// </summary>
        public static bool IsLibpqHost(string host)
        {
            var space = host.IndexOf(' ');
            return space > 0 && host.IndexOf('=', space) > space;
        }

        private HostClass ClassifyHosts()
        {
            var hosts = Hosts;
            if (hosts.IsEmpty)
            {
                return HostClass.Unknown;
            }

            foreach (var entry in hosts)
            {
                if (!IsLocal(entry))
                {
                    return HostClass.Remote;
                }
            }

            return HostClass.Local;
        }
    }
}
