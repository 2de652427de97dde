using System.Net;
using BroadcastGrains.Webhooks;

namespace BroadcastGrains.Tests.Webhooks;

/// <summary>Issue 14 item 8: webhooks reach only globally routable unicast addresses, however the address is spelled.</summary>
public sealed class WebhookAddressRuleTests
{
    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("0.1.2.3")]
    [InlineData("10.0.0.1")]
    [InlineData("100.64.0.1")]          // CGNAT
    [InlineData("100.127.255.254")]
    [InlineData("127.0.0.1")]
    [InlineData("169.254.169.254")]     // cloud metadata, link-local
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.0.0.8")]
    [InlineData("192.0.2.1")]
    [InlineData("192.88.99.1")]
    [InlineData("192.168.1.1")]
    [InlineData("198.18.0.1")]          // benchmarking
    [InlineData("198.19.255.255")]
    [InlineData("198.51.100.7")]
    [InlineData("203.0.113.9")]
    [InlineData("224.0.0.1")]           // multicast
    [InlineData("239.255.255.250")]
    [InlineData("240.0.0.1")]           // reserved
    [InlineData("255.255.255.255")]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("::10.0.0.1")]          // IPv4-compatible
    [InlineData("::ffff:10.0.0.1")]     // IPv4-mapped private
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("::ffff:0:10.0.0.1")]   // IPv4-translated
    [InlineData("64:ff9b::a00:1")]      // NAT64 of 10.0.0.1
    [InlineData("64:ff9b::808:808")]    // NAT64 even of a public one: the gateway is inside
    [InlineData("64:ff9b:1::1")]
    [InlineData("100::1")]
    [InlineData("2001::1")]             // Teredo
    [InlineData("2001:0:4136:e378:8000:63bf:3fff:fdd2")]
    [InlineData("2001:2::1")]
    [InlineData("2001:10::1")]
    [InlineData("2001:db8::1")]
    [InlineData("2002:a00:1::1")]       // 6to4 of 10.0.0.1
    [InlineData("2002:c000:204::1")]
    [InlineData("3fff::1")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456:789a::1")]   // unique local
    [InlineData("fe80::1")]             // link-local
    [InlineData("fec0::1")]
    [InlineData("ff02::1")]             // multicast
    public void Internal_and_special_addresses_are_refused(string address) =>
        Assert.False(WebhookAddressRule.IsPublic(IPAddress.Parse(address)), address);

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("1.1.1.1")]
    [InlineData("93.184.216.34")]
    [InlineData("100.63.255.255")]      // just below CGNAT
    [InlineData("100.128.0.1")]         // just above it
    [InlineData("172.32.0.1")]
    [InlineData("198.20.0.1")]
    [InlineData("223.255.255.254")]
    [InlineData("::ffff:8.8.8.8")]      // a mapped public address is that address
    [InlineData("2606:4700:4700::1111")]
    [InlineData("2a00:1450:4001:80b::200e")]
    [InlineData("2001:4860:4860::8888")] // inside 2001::/23 but past Teredo's /32
    public void Globally_routable_unicast_addresses_are_allowed(string address) =>
        Assert.True(WebhookAddressRule.IsPublic(IPAddress.Parse(address)), address);
}
