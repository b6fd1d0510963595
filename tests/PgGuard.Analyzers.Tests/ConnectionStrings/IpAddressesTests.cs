using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using PgGuard.Analyzers.ConnectionStrings;

namespace PgGuard.Analyzers.Tests.ConnectionStrings
{
    public class IpAddressesTests
    {
        /// <summary>Our IPv4 parser accepts exactly what IPAddress.TryParse on .NET 10 accepts, with the same bytes.</summary>
        [Fact]
        public void IPv4MatchesDotNet()
        {
            var random = new Random(42);
            string[] atoms = { "0", "1", "7", "8", "9", "25", "255", "256", "0x", "0X", "a", "F", "g", ".", ".", ".", " ", "/", "-", "4294967295", "4294967296", "00" };
            var picked = new[] { "127.0.0.1", "127.1", "0x7f.1", "0177.0.0.1", "1", "0", "4294967295", "4294967296", "1.2.3", "1.2.65535", "1.2.65536",
                "1.16777215", "1.16777216", "1.2.3.4.", "1..2", ".1", "256.1.1.1", "1.2.3.256", "08.1.1.1", "0x.1.1.1", "0x", "01.02.03.04", " 1.2.3.4", "1.2.3.4 ", "" };
            foreach (var text in picked.Concat(Enumerable.Range(0, 20000).Select(_ => string.Concat(Enumerable.Range(0, random.Next(1, 8)).Select(_ => atoms[random.Next(atoms.Length)])))))
            {
                var expected = IPAddress.TryParse(text, out var address) && address.AddressFamily == AddressFamily.InterNetwork;
                Assert.True(expected == IpAddresses.TryParseIPv4(text, out var bytes), "'" + text + "'");
                if (expected)
                {
                    Assert.Equal(address!.GetAddressBytes(), bytes);
                }
            }
        }

        [Fact]
        public void IPv6MatchesDotNetWithoutBracketsOrPorts()
        {
            var random = new Random(43);
            string[] atoms = { "0", "1", "f", "ffff", "12345", ":", ":", "::", ".", "1.2.3.4", "%eth0", "%1", "g", "db8", "2001" };
            foreach (var text in Enumerable.Range(0, 20000).Select(_ => string.Concat(Enumerable.Range(0, random.Next(1, 10)).Select(_ => atoms[random.Next(atoms.Length)]))))
            {
                // Deliberately stricter than .NET on zones: one '%', then letters, digits, '-', '_' or '.' only.
                var percent = text.IndexOf('%');
                if (percent >= 0 && text.AsSpan(percent + 1).IndexOfAny('%', ':') >= 0)
                {
                    Assert.False(IpAddresses.TryParseIPv6(text, out _), text);
                    continue;
                }

                var expected = text.Count(c => c == ':') >= 2 && IPAddress.TryParse(text, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6;
                Assert.True(expected == IpAddresses.TryParseIPv6(text, out _), "'" + text + "'");
            }

            Assert.True(IpAddresses.TryParseIPv6("[::1]", out var loopback));
            Assert.Equal(IPAddress.IPv6Loopback.GetAddressBytes(), loopback);
            Assert.False(IpAddresses.TryParseIPv6("[::1]:5432", out _));
            Assert.False(IpAddresses.TryParseIPv6("1.2.3.4", out _));
            Assert.False(IpAddresses.TryParseIPv6("db.example.com", out _));
        }

        [Theory]
        [InlineData("8.8.8.8", IpAddressRange.Public)]
        [InlineData("52.1.2.3", IpAddressRange.Public)]
        [InlineData("0x08080808", IpAddressRange.Public)]
        [InlineData("10.1.2.3", IpAddressRange.Private)]
        [InlineData("172.16.0.1", IpAddressRange.Private)]
        [InlineData("172.31.255.255", IpAddressRange.Private)]
        [InlineData("172.32.0.1", IpAddressRange.Public)]
        [InlineData("172.15.0.1", IpAddressRange.Public)]
        [InlineData("192.168.1.1", IpAddressRange.Private)]
        [InlineData("127.0.0.1", IpAddressRange.Loopback)]
        [InlineData("127.1", IpAddressRange.Loopback)]
        [InlineData("169.254.169.254", IpAddressRange.LinkLocal)]
        [InlineData("100.64.0.1", IpAddressRange.SharedAddressSpace)]
        [InlineData("100.127.255.255", IpAddressRange.SharedAddressSpace)]
        [InlineData("100.128.0.1", IpAddressRange.Public)]
        [InlineData("100.63.255.255", IpAddressRange.Public)]
        [InlineData("192.0.2.10", IpAddressRange.Documentation)]
        [InlineData("198.51.100.7", IpAddressRange.Documentation)]
        [InlineData("203.0.113.5", IpAddressRange.Documentation)]
        [InlineData("0.0.0.0", IpAddressRange.Unspecified)]
        [InlineData("0.1.2.3", IpAddressRange.Reserved)]
        [InlineData("192.0.0.8", IpAddressRange.Reserved)]
        [InlineData("198.18.0.1", IpAddressRange.Reserved)]
        [InlineData("198.20.0.1", IpAddressRange.Public)]
        [InlineData("224.0.0.1", IpAddressRange.Multicast)]
        [InlineData("240.0.0.1", IpAddressRange.Reserved)]
        [InlineData("255.255.255.255", IpAddressRange.Reserved)]
        [InlineData("2001:4860:4860::8888", IpAddressRange.Public)]
        [InlineData("[2606:4700::1111]", IpAddressRange.Public)]
        [InlineData("2001:db8::1", IpAddressRange.Documentation)]
        [InlineData("3fff:0fff::1", IpAddressRange.Documentation)]
        [InlineData("3fff:1000::1", IpAddressRange.Public)]
        [InlineData("::1", IpAddressRange.Loopback)]
        [InlineData("::", IpAddressRange.Unspecified)]
        [InlineData("::ffff:8.8.8.8", IpAddressRange.Public)]
        [InlineData("::ffff:127.0.0.1", IpAddressRange.Loopback)]
        [InlineData("::ffff:10.0.0.1", IpAddressRange.Private)]
        [InlineData("fe80::1%eth0", IpAddressRange.LinkLocal)]
        [InlineData("fd12:3456::1", IpAddressRange.Private)]
        [InlineData("fec0::1", IpAddressRange.Private)]
        [InlineData("ff02::1", IpAddressRange.Multicast)]
        [InlineData("64:ff9b::1.2.3.4", IpAddressRange.Reserved)]
        [InlineData("localhost", IpAddressRange.NotAnAddress)]
        [InlineData("db.example.com", IpAddressRange.NotAnAddress)]
        [InlineData("1.2.3.4:5432", IpAddressRange.NotAnAddress)]
        [InlineData("/tmp", IpAddressRange.NotAnAddress)]
        [InlineData("", IpAddressRange.NotAnAddress)]
        public void Ranges(string host, IpAddressRange expected)
        {
            Assert.Equal(expected, IpAddresses.Classify(host));
            Assert.Equal(expected == IpAddressRange.Public, IpAddresses.IsPublic(host));
            Assert.Equal(expected == IpAddressRange.Loopback, IpAddresses.IsLoopback(host));
            Assert.Equal(expected == IpAddressRange.Private, IpAddresses.IsPrivate(host));
        }

        [Theory]
        [InlineData("localhost", true)]
        [InlineData("LOCALHOST", true)]
        [InlineData("db.localhost", true)]
        [InlineData(".localhost", false)]
        [InlineData("mylocalhost", false)]
        [InlineData("localhost.example.com", false)]
        [InlineData("127.0.0.1", false)]
        public void LocalHostNames(string host, bool expected) => Assert.Equal(expected, IpAddresses.IsLocalHostName(host));
    }
}
