using RadioStudio.Engine.Telephony.Twilio;

namespace RadioStudio.Tests.Engine.Telephony.Twilio;

public sealed class SignedUrlFormsTests
{
    [Theory]
    [InlineData("https://Host.com/a?b=1", "https://Host.com/a?b=1", "https://Host.com:443/a?b=1")]
    [InlineData("https://host.com:443/a", "https://host.com/a", "https://host.com:443/a")]
    [InlineData("HTTP://host.com/a", "HTTP://host.com/a", "HTTP://host.com:80/a")]
    [InlineData("https://host.com:1234/a?x=a:b", "https://host.com/a?x=a:b", "https://host.com:1234/a?x=a:b")]
    [InlineData("https://host.com?x=1", "https://host.com?x=1", "https://host.com:443?x=1")]
    [InlineData("https://user:pw@host.com:8443/a", "https://user:pw@host.com/a", "https://user:pw@host.com:8443/a")]
    [InlineData("https://[::1]:8443/a", "https://[::1]/a", "https://[::1]:8443/a")]
    [InlineData("https://[::1]/a", "https://[::1]/a", "https://[::1]:443/a")]
    public void Of_Url_GivesWithoutThenWithPort(string url, string withoutPort, string withPort) =>
        Assert.Equal([withoutPort, withPort], SignedUrlForms.Of(url));

    [Theory]
    [InlineData("wss://host.com/a")]
    [InlineData("not a url")]
    public void Of_UnknownSchemeOrNoScheme_GivesUrlAsIs(string url) => Assert.Equal([url], SignedUrlForms.Of(url));
}
