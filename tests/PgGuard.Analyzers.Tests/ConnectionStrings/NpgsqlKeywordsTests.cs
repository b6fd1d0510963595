using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using Npgsql;
using PgGuard.Analyzers.ConnectionStrings;

namespace PgGuard.Analyzers.Tests.ConnectionStrings
{
    public class NpgsqlKeywordsTests
    {
        [Fact]
        public void TableMatchesKeywordsJson()
        {
            var rows = SharedFiles.Keywords.GetProperty("keywords").EnumerateArray().ToList();
            Assert.Equal(60, rows.Count);
            Assert.Equal(60, NpgsqlKeywords.All.Length);
            Assert.Equal(60, SharedFiles.Keywords.GetProperty("keywordCounts").GetProperty("10.0.3").GetInt32());
            for (var i = 0; i < rows.Count; i++)
            {
                var row = rows[i];
                var keyword = NpgsqlKeywords.All[i];
                var type = row.GetProperty("type").GetString()!;
                Assert.Equal(row.GetProperty("canonical").GetString(), keyword.CanonicalName);
                Assert.Equal(row.GetProperty("property").GetString(), keyword.PropertyName);
                Assert.Equal(row.GetProperty("acceptedKeys").EnumerateArray().Select(k => k.GetString()), keyword.AcceptedKeys);
                Assert.Equal(row.GetProperty("obsolete").GetBoolean(), keyword.IsObsolete);
                Assert.Equal(
                    type.StartsWith("enum:", StringComparison.Ordinal) ? KeywordType.Enum
                    : type == "int" ? KeywordType.Int
                    : type == "bool" ? KeywordType.Bool
                    : KeywordType.String,
                    keyword.Type);
                var members = row.TryGetProperty("enumValues", out var values) && values.ValueKind == JsonValueKind.Object
                    ? values.EnumerateObject().Select(p => (p.Name, p.Value.GetInt32())).ToList()
                    : new List<(string, int)>();
                Assert.Equal(members, keyword.EnumMembers.Select(m => (m.Name, m.Value)));
                var dflt = row.GetProperty("default");
                Assert.Equal(
                    dflt.ValueKind switch
                    {
                        JsonValueKind.Null => null,
                        JsonValueKind.True => "true",
                        JsonValueKind.False => "false",
                        JsonValueKind.Number => dflt.GetInt32().ToString(CultureInfo.InvariantCulture),
                        _ => dflt.GetString(),
                    },
                    keyword.DefaultValue);
                Assert.Equal(keyword.CanonicalName is "Password" or "SSL Password", keyword.IsSecret);
                Assert.Same(keyword, NpgsqlKeywords.FindByProperty(keyword.PropertyName));
            }
        }

        /// <summary>The table against Npgsql's own builder properties, read by reflection as in NPGSQL.md §9.</summary>
        [Fact]
        public void TableMatchesNpgsqlBuilderProperties()
        {
            var attribute = typeof(NpgsqlConnectionStringBuilder).Assembly.GetType("Npgsql.NpgsqlConnectionStringPropertyAttribute", throwOnError: true)!;
            var properties = typeof(NpgsqlConnectionStringBuilder)
                .GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                .Where(p => p.GetCustomAttribute(attribute) is not null)
                .ToList();
            Assert.Equal(NpgsqlKeywords.All.Length, properties.Count);
            foreach (var property in properties)
            {
                var keyword = NpgsqlKeywords.FindByProperty(property.Name);
                Assert.NotNull(keyword);
                Assert.Equal(property.GetCustomAttribute<DisplayNameAttribute>()!.DisplayName, keyword!.CanonicalName);
                Assert.Equal(property.GetCustomAttribute<ObsoleteAttribute>() is not null, keyword.IsObsolete);
                // Npgsql marks only Password with [PasswordPropertyText]; the key's password (SSL Password) is as secret.
                var passwordText = property.GetCustomAttribute<PasswordPropertyTextAttribute>()?.Password ?? false;
                Assert.Equal(passwordText || property.Name == "SslPassword", keyword.IsSecret);
                var synonyms = (string[])attribute.GetProperty("Synonyms")!.GetValue(property.GetCustomAttribute(attribute))!;
                var expectedKeys = new[] { keyword.CanonicalName, property.Name }.Concat(synonyms)
                    .Select(k => k.ToUpperInvariant()).Distinct().OrderBy(k => k, StringComparer.Ordinal);
                Assert.Equal(expectedKeys, keyword.AcceptedKeys.OrderBy(k => k, StringComparer.Ordinal));
                var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                if (type.IsEnum)
                {
                    Assert.Equal(KeywordType.Enum, keyword.Type);
                    Assert.Equal(typeof(int), Enum.GetUnderlyingType(type));
                    Assert.False(type.IsDefined(typeof(FlagsAttribute), false)); // ToString of an undefined value is then its number
                    Assert.Equal(
                        Enum.GetNames(type).Select(n => (n, (int)Enum.Parse(type, n))),
                        keyword.EnumMembers.Select(m => (m.Name, m.Value)));
                }
                else
                {
                    Assert.Equal(type == typeof(int) ? KeywordType.Int : type == typeof(bool) ? KeywordType.Bool : KeywordType.String, keyword.Type);
                }
            }
        }

        /// <summary>Every accepted key, as written, lower-cased, upper-cased and padded, names the same keyword for us and for Npgsql.</summary>
        [Fact]
        public void EverySpellingIsFoundAsNpgsqlFindsIt()
        {
            foreach (var keyword in NpgsqlKeywords.All)
            {
                foreach (var key in keyword.AcceptedKeys)
                {
                    foreach (var spelling in new[] { key, key.ToLowerInvariant(), " " + key + "\t", ToMixedCase(key) })
                    {
                        Assert.Same(keyword, NpgsqlKeywords.Find(spelling));
                        var live = NpgsqlOracle.Parse(spelling + "=" + SampleValue(keyword));
                        Assert.True(live.Accepted, spelling);
                        Assert.Equal(keyword.CanonicalName, Assert.Single(live.Normalized!.Keys));
                    }
                }
            }
        }

        [Theory]
        [InlineData("SSL  Mode")]
        [InlineData("SSL_Mode")]
        [InlineData("Ssl-Mode")]
        [InlineData("Poolıng")]
        [InlineData("POOLİNG")]
        [InlineData("Ｈost")]
        [InlineData("Max Pool Size")]
        [InlineData("User")]
        [InlineData("Host=")]
        [InlineData("LoadBalanceTimeout")]
        [InlineData("")]
        [InlineData("   ")]
        [InlineData("\uFFFF")]
        public void UnknownKeysAreNotFound(string key)
        {
            Assert.Null(NpgsqlKeywords.Find(key));
            Assert.False(NpgsqlOracle.Parse(key + "=1").Accepted);
        }

        [Theory]
        [InlineData("ſslmode", "SSL Mode")]
        [InlineData("\u212Aeepalive", "Keepalive")]
        [InlineData("kerberos ſervice name", "Kerberos Service Name")]
        [InlineData("\u00A0Host\u2003", "Host")]
        public void NonAsciiFoldingMatchesNpgsql(string key, string canonical)
        {
            Assert.Equal(canonical, NpgsqlKeywords.Find(key)?.CanonicalName);
            Assert.Equal(canonical, Assert.Single(NpgsqlOracle.Parse(key + "=" + SampleValue(NpgsqlKeywords.Find(key)!)).Normalized!.Keys));
        }

        /// <summary>The hand-written fold equals .NET 10's ToLowerInvariant + ToUpperInvariant for every UTF-16 code unit.</summary>
        [Fact]
        public void FoldMatchesDotNetCasingForEveryChar()
        {
            for (var i = 1; i <= 0xFFFF; i++)
            {
                var c = (char)i;
                var folded = c.ToString().ToLowerInvariant().ToUpperInvariant();
                var expected = folded.Length == 1 && folded[0] < 0x80 ? folded[0] : '\0';
                Assert.True(expected == NpgsqlKeywords.FoldToAsciiUpper(c), $"U+{i:X4}");
            }
        }

        [Fact]
        public void FindByPropertyIsOrdinal()
        {
            Assert.Same(NpgsqlKeywords.SslMode, NpgsqlKeywords.FindByProperty("SslMode"));
            Assert.Same(NpgsqlKeywords.KeepAlive, NpgsqlKeywords.FindByProperty("KeepAlive"));
            Assert.Null(NpgsqlKeywords.FindByProperty("sslmode"));
            Assert.Null(NpgsqlKeywords.FindByProperty("SSL Mode"));
        }

        [Fact]
        public void FieldsNameTheBuilderProperties()
        {
            var fields = typeof(NpgsqlKeywords).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.FieldType == typeof(NpgsqlKeyword))
                .ToDictionary(f => f.Name, f => (NpgsqlKeyword)f.GetValue(null)!);
            Assert.Equal(60, fields.Count);
            foreach (var keyword in NpgsqlKeywords.All)
            {
                Assert.Same(keyword, fields[keyword.PropertyName]);
            }

            Assert.Equal(new[] { "Password", "SSL Password" }, NpgsqlKeywords.All.Where(k => k.IsSecret).Select(k => k.CanonicalName));
        }

        internal static string SampleValue(NpgsqlKeyword keyword) =>
            keyword.Type switch
            {
                KeywordType.Bool => "true",
                KeywordType.Int => "3",
                KeywordType.Enum => keyword.EnumMembers[0].Name,
                _ => keyword.CanonicalName switch
                {
                    "Target Session Attributes" => "any",
                    "Require Auth" => "Password",
                    _ => "x",
                },
            };

        private static string ToMixedCase(string key) =>
            string.Concat(key.Select((c, i) => i % 2 == 0 ? char.ToLowerInvariant(c) : c));
    }
}
