using System;
using System.Net;
using System.Net.Sockets;

namespace PgGuard.Analyzers.ConnectionStrings
{
    /// <summary>What kind of network an IP literal belongs to.</summary>
    public enum IpAddressRange
    {
        /// <summary>Not an IP literal (a host name, a socket path, an empty string).</summary>
        NotAnAddress,

        /// <summary>Routable on the internet.</summary>
        Public,

        /// <summary>RFC 1918 (10/8, 172.16/12, 192.168/16), IPv6 unique-local fc00::/7 and the old site-local fec0::/10.</summary>
        Private,

        /// <summary>127/8, ::1 (and ::ffff:127.x).</summary>
        Loopback,

        /// <summary>169.254/16, fe80::/10.</summary>
        LinkLocal,

        /// <summary>100.64/10, the carrier-grade NAT range (RFC 6598).</summary>
        SharedAddressSpace,

        /// <summary>192.0.2/24, 198.51.100/24, 203.0.113/24, 2001:db8::/32, 3fff::/20: examples that reach no real server.</summary>
        Documentation,

        /// <summary>0.0.0.0 and ::.</summary>
        Unspecified,

        /// <summary>224/4, ff00::/8.</summary>
        Multicast,

        /// <summary>Anything else that is not public: 0/8, 192.0.0/24, 198.18/15, 240/4, and IPv6 outside 2000::/3.</summary>
        Reserved,
    }

    /// <summary>IP literal parsing as .NET does it (which is what Npgsql connects to), and the ranges that decide "public".</summary>
    public static class IpAddresses
    {
        /// <summary>
        /// An IPv4 literal in any form <c>IPAddress.TryParse</c> on .NET accepts, which is what Npgsql connects to: dotted
        /// quad, and also fewer parts (<c>127.1</c>), octal (<c>0177.0.0.1</c>) and hex (<c>0x7f.1</c>) parts.
        /// Written out because .NET Framework (where the analyzer may run) parses differently.
        /// </summary>
        public static bool TryParseIPv4(string text, out byte[] bytes)
        {
            bytes = new byte[4];
            var parts = new long[4];
            var count = 0;
            var i = 0;
            var n = text.Length;
            while (true)
            {
                long value = 0;
                var radix = 10;
                var hasDigits = false;
                if (i < n && text[i] == '0')
                {
                    radix = 8;
                    hasDigits = true;
                    i++;
                    if (i < n && (text[i] == 'x' || text[i] == 'X'))
                    {
                        radix = 16;
                        hasDigits = false;
                        i++;
                    }
                }

                for (; i < n; i++)
                {
                    var digit = DigitValue(text[i], radix);
                    if (digit < 0)
                    {
                        break;
                    }

                    value = (value * radix) + digit;
                    if (value > uint.MaxValue)
                    {
                        return false;
                    }

                    hasDigits = true;
                }

                if (!hasDigits)
                {
                    return false;
                }

                if (i < n && text[i] == '.')
                {
                    // Only the last part may exceed 255 (it fills the remaining bytes).
                    if (count == 3 || value > 0xFF)
                    {
                        return false;
                    }

                    parts[count++] = value;
                    i++;
                    continue;
                }

                if (i != n)
                {
                    return false;
                }

                parts[count] = value;
                break;
            }

            var lastPartBits = 8 * (4 - count);
            if (lastPartBits < 32 && parts[count] >= 1L << lastPartBits)
            {
                return false;
            }

            var address = parts[count];
            for (var p = 0; p < count; p++)
            {
                address |= parts[p] << (8 * (3 - p));
            }

            bytes[0] = (byte)(address >> 24);
            bytes[1] = (byte)(address >> 16);
            bytes[2] = (byte)(address >> 8);
            bytes[3] = (byte)address;
            return true;
        }

        /// <summary>An IPv6 literal, optionally in brackets (<c>[::1]</c>) and with a zone (<c>fe80::1%eth0</c>); no port.</summary>
        public static bool TryParseIPv6(string text, out byte[] bytes)
        {
            bytes = Array.Empty<byte>();
            var start = 0;
            var end = text.Length;
            if (end >= 2 && text[0] == '[' && text[end - 1] == ']')
            {
                start++;
                end--;
            }

            // Check the characters first: IPAddress.TryParse is lenient in places (brackets with a port, for one).
            var colons = 0;
            var zone = false;
            for (var i = start; i < end; i++)
            {
                var c = text[i];
                if (zone)
                {
                    if (!(IsAsciiLetterOrDigit(c) || c == '-' || c == '_' || c == '.'))
                    {
                        return false;
                    }
                }
                else if (c == ':')
                {
                    colons++;
                }
                else if (c == '%' && i + 1 < end)
                {
                    zone = true;
                }
                else if (!(DigitValue(c, 16) >= 0 || c == '.'))
                {
                    return false;
                }
            }

            if (colons < 2 || !IPAddress.TryParse(text.Substring(start, end - start), out var address) ||
                address.AddressFamily != AddressFamily.InterNetworkV6)
            {
                return false;
            }

            bytes = address.GetAddressBytes();
            return true;
        }

        /// <summary>The range of an IP literal, or <see cref="IpAddressRange.NotAnAddress"/>.</summary>
        public static IpAddressRange Classify(string host)
        {
            if (TryParseIPv4(host, out var v4))
            {
                return ClassifyIPv4(v4[0], v4[1], v4[2], v4[3]);
            }

            return TryParseIPv6(host, out var v6) ? ClassifyIPv6(v6) : IpAddressRange.NotAnAddress;
        }

        /// <summary>A loopback literal (127/8, ::1). Host names such as <c>localhost</c> are <see cref="IsLocalHostName"/>.</summary>
        public static bool IsLoopback(string host) => Classify(host) == IpAddressRange.Loopback;

        /// <summary>A private-network literal: RFC 1918 or IPv6 unique-local (CGNAT and link-local are ranges of their own).</summary>
        public static bool IsPrivate(string host) => Classify(host) == IpAddressRange.Private;

        /// <summary>
        /// A literal address routable on the internet: not private, loopback, link-local, CGNAT, multicast, reserved,
        /// unspecified, or a documentation range (192.0.2/24, 198.51.100/24, 203.0.113/24, 2001:db8::/32, 3fff::/20), which
        /// never reach a real server.
        /// </summary>
        public static bool IsPublic(string host) => Classify(host) == IpAddressRange.Public;

        /// <summary><c>localhost</c> or a name under <c>.localhost</c> (RFC 6761), in any ASCII case.</summary>
        public static bool IsLocalHostName(string host)
        {
            const string Name = "localhost";
            if (host.Length < Name.Length)
            {
                return false;
            }

            var offset = host.Length - Name.Length;
            if (string.Compare(host, offset, Name, 0, Name.Length, StringComparison.OrdinalIgnoreCase) != 0)
            {
                return false;
            }

            return offset == 0 || (offset > 1 && host[offset - 1] == '.');
        }

        private static IpAddressRange ClassifyIPv4(byte a, byte b, byte c, byte d)
        {
            if (a == 0)
            {
                return b == 0 && c == 0 && d == 0 ? IpAddressRange.Unspecified : IpAddressRange.Reserved;
            }

            if (a == 10 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168))
            {
                return IpAddressRange.Private;
            }

            if (a == 127)
            {
                return IpAddressRange.Loopback;
            }

            if (a == 169 && b == 254)
            {
                return IpAddressRange.LinkLocal;
            }

            if (a == 100 && b >= 64 && b <= 127)
            {
                return IpAddressRange.SharedAddressSpace;
            }

            if ((a == 192 && b == 0 && c == 2) || (a == 198 && b == 51 && c == 100) || (a == 203 && b == 0 && c == 113))
            {
                return IpAddressRange.Documentation;
            }

            if (a >= 224 && a <= 239)
            {
                return IpAddressRange.Multicast;
            }

            if (a >= 240 || (a == 192 && b == 0 && c == 0) || (a == 198 && (b == 18 || b == 19)))
            {
                return IpAddressRange.Reserved;
            }

            return IpAddressRange.Public;
        }

        private static IpAddressRange ClassifyIPv6(byte[] v6)
        {
            var zeroPrefix = true;
            for (var i = 0; i < 10; i++)
            {
                zeroPrefix &= v6[i] == 0;
            }

            if (zeroPrefix && v6[10] == 0xFF && v6[11] == 0xFF)
            {
                // IPv4-mapped (::ffff:a.b.c.d): the connection goes to the IPv4 address.
                return ClassifyIPv4(v6[12], v6[13], v6[14], v6[15]);
            }

            if (zeroPrefix && v6[10] == 0 && v6[11] == 0 && v6[12] == 0 && v6[13] == 0 && v6[14] == 0)
            {
                return v6[15] == 1 ? IpAddressRange.Loopback : v6[15] == 0 ? IpAddressRange.Unspecified : IpAddressRange.Reserved;
            }

            if (v6[0] == 0xFE && (v6[1] & 0xC0) == 0x80)
            {
                return IpAddressRange.LinkLocal;
            }

            if ((v6[0] & 0xFE) == 0xFC || (v6[0] == 0xFE && (v6[1] & 0xC0) == 0xC0))
            {
                return IpAddressRange.Private;
            }

            if (v6[0] == 0xFF)
            {
                return IpAddressRange.Multicast;
            }

            if ((v6[0] == 0x20 && v6[1] == 0x01 && v6[2] == 0x0D && v6[3] == 0xB8) ||
                (v6[0] == 0x3F && v6[1] == 0xFF && (v6[2] & 0xF0) == 0))
            {
                return IpAddressRange.Documentation;
            }

            // Global unicast is 2000::/3.
            return (v6[0] & 0xE0) == 0x20 ? IpAddressRange.Public : IpAddressRange.Reserved;
        }

        private static int DigitValue(char c, int radix)
        {
            int digit;
            if (c >= '0' && c <= '9')
            {
                digit = c - '0';
            }
            else if (c >= 'a' && c <= 'f')
            {
                digit = c - 'a' + 10;
            }
            else if (c >= 'A' && c <= 'F')
            {
                digit = c - 'A' + 10;
            }
            else
            {
                return -1;
            }

            return digit < radix ? digit : -1;
        }

        private static bool IsAsciiLetterOrDigit(char c) =>
            (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
