using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Microsoft.CodeAnalysis.Text;
using PgGuard.Analyzers.ConnectionStrings;

namespace PgGuard.Analyzers.Tests.ConnectionStrings
{
    public class HostListTests
    {
        /// <summary>Deliberate differences from Npgsql on Linux: Windows-rooted paths are socket directories, as on Windows.</summary>
        private static readonly IReadOnlyDictionary<string, string> KnownDifferences = new Dictionary<string, string>
        {
            [@"C:\pg"] = "a rooted path on Windows (socket directory there); Linux Npgsql splits it at ':' and fails",
            [@"\\srv\pg:5"] = "a rooted UNC path on Windows; Linux Npgsql splits it",
        };

        public static IEnumerable<object[]> VectorsWithEndpoints() =>
            SharedFiles.Vectors.GetProperty("vectors").EnumerateArray()
                .Where(v => v.GetProperty("dataSource").TryGetProperty("host", out _))
                .Select(v => new object[] { v.GetProperty("id").GetString()! });

        [Theory]
        [MemberData(nameof(VectorsWithEndpoints))]
        public void VectorEndpointsMatch(string id)
        {
            var vector = SharedFiles.Vectors.GetProperty("vectors").EnumerateArray().Single(v => v.GetProperty("id").GetString() == id);
            var dataSource = vector.GetProperty("dataSource");
            var expected = dataSource.TryGetProperty("hostList", out var list)
                ? list.EnumerateArray().Select(e => (e.GetProperty("host").GetString()!, e.GetProperty("port").GetInt32())).ToList()
                : new List<(string, int)> { (dataSource.GetProperty("host").GetString()!, dataSource.GetProperty("port").GetInt32()) };
            Assert.Equal(expected, OurEndpoints(vector.GetProperty("connectionString").GetString()!));
        }

        [Theory]
        [InlineData("db.example.com")]
        [InlineData("db.example.com:5433")]
        [InlineData("db:5433;Port=6000")]
        [InlineData("db;Port=6000")]
        [InlineData("a:5433,b;Port=6000")]
        [InlineData("a, b ,c")]
        [InlineData("a,")]
        [InlineData("a,,b")]
        [InlineData(",")]
        [InlineData("[::1]:5433")]
        [InlineData("[::1]")]
        [InlineData("::1")]
        [InlineData("fe80::1:5433")]
        [InlineData("[fe80::1%eth0]:5433")]
        [InlineData("a:b]:5")]
        [InlineData("::1]:5")]
        [InlineData("h:5:6")]
        [InlineData("h:+5")]
        [InlineData("h:05")]
        [InlineData("'h:5 '")]
        [InlineData("' h:5 '")]
        [InlineData("a:99999")]
        [InlineData("/var/run/postgresql")]
        [InlineData("/tmp:5433")]
        [InlineData("/tmp:5433;Port=7")]
        [InlineData("/tmp:5433,b")]
        [InlineData("@abstract")]
        [InlineData("@abs:5")]
        [InlineData("@x:3,y")]
        [InlineData(" a:1 , [::1]:2 ,fe80::1:5, /tmp ,@x:3")]
        [InlineData("[::1]:5,::1")]
        [InlineData("'a'',b'")]
        [InlineData("127.0.0.1:5432")]
        [InlineData(":5433")]
        [InlineData(@"C:\pg")]
        [InlineData(@"\\srv\pg:5")]
        public void EndpointsMatchNpgsqlDataSource(string hostAndRest)
        {
            var connectionString = "Host=" + hostAndRest;
            var live = NpgsqlHostOracle.Endpoints(connectionString);
            var ours = OurEndpoints(connectionString);
            if (KnownDifferences.ContainsKey(hostAndRest))
            {
                Assert.NotEqual(live, ours);
                return;
            }

            Assert.NotNull(live);
            Assert.Equal(live, ours);
            Assert.DoesNotContain(HostList.Parse(HostValue(connectionString)), e => e.HasInvalidPort);
        }

        /// <summary>Ports Npgsql's data source rejects: the builder accepts these strings, NpgsqlDataSource.Create throws.</summary>
        [Theory]
        [InlineData("a:abc")]
        [InlineData("localhost:0")]
        [InlineData("localhost:")]
        [InlineData("a:-1")]
        [InlineData("[::1]:")]
        [InlineData("[::1]:abc")]
        [InlineData("a:0,b")]
        [InlineData("a:x,b")]
        [InlineData("a,b:99999999999")]
        public void InvalidPortsAreFlagged(string host)
        {
            Assert.Null(NpgsqlHostOracle.Endpoints("Host=" + host));
            var entries = HostList.Parse(host);
            var invalid = Assert.Single(entries, e => e.HasInvalidPort);
            Assert.Null(invalid.Port);
        }

        [Fact]
        public void EntriesCarryKindAndSpan()
        {
            var entries = HostList.Parse(" db:5433 , [::1]:6000,10.0.0.1,/tmp, ");
            Assert.Equal(
                new[]
                {
                    ("db", (int?)5433, HostKind.Name, new TextSpan(1, 7)),
                    ("::1", 6000, HostKind.IPv6, new TextSpan(11, 10)),
                    ("10.0.0.1", null, HostKind.IPv4, new TextSpan(22, 8)),
                    ("/tmp", null, HostKind.UnixSocket, new TextSpan(31, 4)),
                    (string.Empty, null, HostKind.Name, new TextSpan(37, 0)),
                },
                entries.Select(e => (e.Name, e.Port, e.Kind, e.Span)));
        }

        [Fact]
        public void SingleHostIsNotTrimmedOrSplitWhenASocketDirectory()
        {
            var socket = Assert.Single(HostList.Parse("/tmp:5433"));
            Assert.Equal(("/tmp:5433", (int?)null, HostKind.UnixSocket), (socket.Name, socket.Port, socket.Kind));
            var spaced = Assert.Single(HostList.Parse(" h "));
            Assert.Equal((" h ", new TextSpan(0, 3)), (spaced.Name, spaced.Span));
            Assert.Empty(HostList.Parse(string.Empty));
        }

        [Theory]
        [InlineData("/var/run/postgresql", true)]
        [InlineData("@abstract", true)]
        [InlineData(@"C:\pg", true)]
        [InlineData("c:/pg", true)]
        [InlineData(@"\\srv\pg", true)]
        [InlineData("C:pg", false)]
        [InlineData("localhost", false)]
        [InlineData("", false)]
        public void SocketPaths(string host, bool expected) => Assert.Equal(expected, HostList.IsSocketPath(host));

        /// <summary>
        /// What we derive: each entry's name and its port or the Port keyword. Npgsql keeps an IPv6 address's brackets in
        /// the host; our Name drops them (a deliberate difference of representation), so they are put back to compare.
        /// </summary>
        private static List<(string Host, int Port)> OurEndpoints(string connectionString)
        {
            var parsed = ConnectionStringParser.Parse(connectionString);
            var port = parsed.GetEffective(NpgsqlKeywords.Port).TryGetInt(out var p) ? p : 5432;
            var value = parsed.GetEffective(NpgsqlKeywords.Host).Text!;
            return HostList.Parse(value)
                .Select(e => (value.Substring(e.Span.Start, e.Span.Length).StartsWith('[') && e.Kind == HostKind.IPv6 ? "[" + e.Name + "]" : e.Name, e.Port ?? port))
                .ToList();
        }

        private static string HostValue(string connectionString) =>
            ConnectionStringParser.Parse(connectionString).GetEffective(NpgsqlKeywords.Host).Text!;
    }
}
