using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Npgsql;
using PgGuard.Analyzers.ConnectionStrings;

namespace PgGuard.Analyzers.Tests.ConnectionStrings
{
    /// <summary>Every conversion against .NET 10 and Npgsql themselves, on hand-picked and generated values.</summary>
    public class NpgsqlValuesTests
    {
        private static readonly string[] Picked =
        {
            "", " ", "\0", "true", "True ", " TRUE", "\u00A0true\u2003", "true\0", "\0true", "tru", "truee", "falſe", "yes", "t",
            "1", "-1", "+1", "0", "00", "-0", "+0", "+-1", "- 1", "1-", "1 ", " 1", "\t1\r\n", "1\0", "1 \0", "1\0 ", "\u00A01", "1\u00A0",
            "1\u3000", "2147483647", "2147483648", "-2147483648", "-2147483649", "99999999999999999999", "000000000000000000000001",
            "0x10", "1e3", "1.0", "1,000", "1_000", "١", "５", "Require", "require", " Require ", "Require\u00A0", "\u00A0Require",
            "Require,Allow", "Allow, Prefer", "Require,", ",Require", "Require,,Allow", "Require, ", "3,Require", "Require,3",
            "Require|Allow", "verify-full", "VerifyCA", "VERIFYFULL", "Diſable", "None", "none", "6", "Postgres", "direct",
            "Disable,Prefer", "Always", "perinstance", "Logical,Physical", "Redshift", "NoTypeLoading", "any", "ANY", " any", "any ",
            "primary", "Prefer-Standby", "read_write", "read-only", "Password", "!Password,!MD5", "password", "!!MD5", "!0", "63", "!63",
            ",,", " , ", "1,-1", "!32,!32,!31", "!1,!1,!61", "! Password", "!", "Password,!", "!,Password", "MD5 , GSS", "ScramSHA256",
            "scram-sha-256", "64", "-64", "!-1", "All", "None,Password", "SSPI,!GSS", "2147483648,1",
        };

        public static IEnumerable<object[]> Keywords() => NpgsqlKeywords.All.Select(k => new object[] { k.PropertyName });

        [Fact]
        public void BoolMatchesBoolTryParse()
        {
            foreach (var value in Corpus())
            {
                Assert.True(bool.TryParse(value, out var expected) == NpgsqlValues.TryParseBool(value, out var actual), Outcome.Escape(value));
                Assert.Equal(expected, actual);
            }
        }

        [Fact]
        public void IntMatchesIntTryParseInvariant()
        {
            foreach (var value in Corpus())
            {
                var ok = int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var expected);
                Assert.True(ok == NpgsqlValues.TryParseInt(value, out var actual), Outcome.Escape(value));
                Assert.Equal(expected, actual);
            }
        }

        [Fact]
        public void EnumMatchesEnumTryParseIgnoringCase()
        {
            foreach (var value in Corpus())
            {
                var ok = Enum.TryParse<SslMode>(value, ignoreCase: true, out var expected);
                Assert.True(ok == NpgsqlValues.TryParseEnum(NpgsqlKeywords.SslMode, value, out var actual), Outcome.Escape(value));
                Assert.Equal(ok ? (int)expected : 0, actual);
            }
        }

        /// <summary>Conversion errors and normalized text against the builder's indexer, which converts as the parser does.</summary>
        [Theory]
        [MemberData(nameof(Keywords))]
        public void KeywordConversionMatchesNpgsql(string property)
        {
            var keyword = NpgsqlKeywords.FindByProperty(property)!;

            // No '\0': the tokenizer never yields it in a value, and the builder's indexer rejects it for strings only.
            foreach (var value in Corpus().Where(v => !v.Contains('\0')))
            {
                var live = NpgsqlOracle.Set(keyword, value);
                var error = NpgsqlValues.GetConversionError(keyword, value);
                Assert.True((live is null) == (error is not null), keyword + " = " + Outcome.Escape(value) + ": " + (error ?? "accepted"));
                Assert.Equal(live is not null, NpgsqlValues.TryNormalize(keyword, value, out var normalized));
                if (live is not null)
                {
                    Assert.Equal(live, normalized);
                }
            }
        }

        [Theory]
        [InlineData("Pooling", "yes", "expected true or false")]
        [InlineData("Port", "abc", "expected an integer")]
        [InlineData("Port", "99999999999", "expected an integer")]
        [InlineData("Port", "0", "must be greater than 0")]
        [InlineData("AutoPrepareMinUsages", "0", "must be greater than 0")]
        [InlineData("Timeout", "1025", "must be between 0 and 1024")]
        [InlineData("CancellationTimeout", "-2", "must be -1 or greater")]
        [InlineData("InternalCommandTimeout", "2", "must be 0, -1 or at least 3")]
        [InlineData("MaxPoolSize", "-1", "must be 0 or greater")]
        [InlineData("SslMode", "verify-full", "expected one of Disable, Allow, Prefer, Require, VerifyCA, VerifyFull")]
        [InlineData("ChannelBinding", "required", "expected one of Disable, Prefer, Require")]
        [InlineData("TargetSessionAttributes", "master", "expected one of any, primary, standby, prefer-primary, prefer-standby, read-write, read-only")]
        [InlineData("RequireAuth", "scram-sha-256", "expected Password, MD5, GSS, SSPI, ScramSHA256 or None (case-sensitive), each optionally prefixed with '!'")]
        [InlineData("RequireAuth", "Password,!MD5", "cannot mix allowed and forbidden (!) authentication methods")]
        [InlineData("RequireAuth", "!Password,!MD5,!GSS,!SSPI,!ScramSHA256,!None", "allows no authentication method")]
        public void ConversionErrorsAreShortReasons(string property, string value, string expected)
        {
            var keyword = NpgsqlKeywords.FindByProperty(property)!;
            Assert.Equal(expected, NpgsqlValues.GetConversionError(keyword, value));
            Assert.Null(NpgsqlOracle.Set(keyword, value));
        }

        [Theory]
        [InlineData("Port", "5432")]
        [InlineData("Password", "")]
        [InlineData("Password", "yes")]
        [InlineData("Host", "0")]
        [InlineData("Options", "-c x=1")]
        [InlineData("ReadBufferSize", "-5")]
        [InlineData("ConnectionIdleLifetime", "-5")]
        public void AcceptedValuesHaveNoError(string property, string value) =>
            Assert.Null(NpgsqlValues.GetConversionError(NpgsqlKeywords.FindByProperty(property)!, value));

        [Fact]
        public void ErrorsNeverQuoteTheValue()
        {
            foreach (var keyword in NpgsqlKeywords.All)
            {
                foreach (var value in new[] { "S3cr3t!", "zq-verify", "Xyzzy,Plugh" })
                {
                    var error = NpgsqlValues.GetConversionError(keyword, value);
                    Assert.True(error is null || !error.Contains(value, StringComparison.Ordinal), keyword + ": " + error);
                }
            }
        }

        [Theory]
        [InlineData("Allow,Prefer", 3, "Require")]
        [InlineData("6", 6, null)]
        [InlineData("-1", -1, null)]
        [InlineData(" verifyfull", 5, "VerifyFull")]
        public void EnumNumbersAndNames(string text, int value, string? name)
        {
            Assert.True(NpgsqlValues.TryParseEnum(NpgsqlKeywords.SslMode, text, out var actual));
            Assert.Equal(value, actual);
            Assert.Equal(name, NpgsqlValues.GetEnumName(NpgsqlKeywords.SslMode, actual));
        }

        [Theory]
        [InlineData("", 63)]
        [InlineData(",,", 63)]
        [InlineData("Password", 1)]
        [InlineData("!Password,!MD5", 60)]
        [InlineData("ScramSHA256 , None", 48)]
        [InlineData("3", 3)]
        public void RequireAuthAllowedMethods(string text, int allowed)
        {
            Assert.True(NpgsqlValues.TryParseRequireAuth(text, out var actual));
            Assert.Equal(allowed, actual);
        }

        [Fact]
        public void TargetSessionAttributesAreLowerCased()
        {
            Assert.True(NpgsqlValues.TryParseTargetSessionAttributes("Prefer-Standby", out var value));
            Assert.Equal("prefer-standby", value);
            Assert.False(NpgsqlValues.TryParseTargetSessionAttributes(" any", out _));
            Assert.False(NpgsqlValues.TryParseTargetSessionAttributes("\u212Aany", out _));
        }

        /// <summary>The picked values plus strings generated from them and from characters that matter to number and name parsing.</summary>
        private static IEnumerable<string> Corpus()
        {
            foreach (var value in Picked)
            {
                yield return value;
            }

            var random = new Random(7);
            string[] atoms = { "0", "1", "9", "3", "-", "+", " ", "\t", "\u00A0", "\0", ",", "!", "x", "e", ".", "Require", "allow", "MD5", "Password", "true", "any", "-standby" };
            for (var i = 0; i < 1500; i++)
            {
                yield return string.Concat(Enumerable.Range(0, random.Next(1, 7)).Select(_ => atoms[random.Next(atoms.Length)]));
            }
        }
    }
}
