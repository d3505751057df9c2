using RadioStudio.Engine.Telephony.Twilio;

namespace RadioStudio.Tests.Engine.Telephony.Twilio;

/// <summary>The published vectors of Twilio's own SDK test suites (token 12345), then our own cases.</summary>
public sealed class TwilioRequestValidatorTests
{
    private const string Token = "12345";
    private const string Url = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private const string UrlWithPort = "https://mycompany.com:1234/myapp.php?foo=1&bar=2";
    private const string Signature = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";
    private const string JsonBody = "{\"property\": \"value\", \"boolean\": true}";
    private const string JsonUrl = Url + "&bodySHA256=0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";

    private static readonly KeyValuePair<string, string>[] Params =
    [
        new("CallSid", "CA1234567890ABCDE"),
        new("Caller", "+14158675309"),
        new("Digits", "1234"),
        new("From", "+14158675309"),
        new("To", "+18005551212"),
    ];

    private readonly TwilioRequestValidator _validator = new(Token);

    [Fact]
    public void Validate_PublishedVector_Accepts() => Assert.True(_validator.Validate(Url, Params, Signature));

    [Fact]
    public void Validate_PublishedVectorWithPort_Accepts() =>
        Assert.True(_validator.Validate(UrlWithPort, Params, "CYn1h0gLBdNxDGkKJg6hYohgeD8="));

    [Fact]
    public void Validate_UrlWithPortAndSignatureWithout_AcceptsPortStrippedForm() =>
        Assert.True(_validator.Validate(UrlWithPort, Params, Signature));

    [Fact]
    public void Validate_RepeatedKeys_SortsThemByValue()
    {
        KeyValuePair<string, string>[] repeated = [new("Sid", "CA123"), new("SidAccount", "AC123"), new("Digits", "5678"), new("Digits", "1234")];
        Assert.True(_validator.Validate(Url, repeated, "IK+Dwps556ElfBT0I3Rgjkr1wJU="));
    }

    [Fact]
    public void ValidateBody_PublishedJsonVector_Accepts() =>
        Assert.True(_validator.ValidateBody(JsonUrl, JsonBody, "a9nBmqA0ju/hNViExpshrM61xv4="));

    [Fact]
    public void Validate_PublishedWrongSignature_Rejects() =>
        Assert.False(_validator.Validate(Url, Params, "NOTRSOYDt4T1cUTdK1PDd93/VVr8B8="));

    [Fact]
    public void ComputeSignature_PublishedVectors_MatchTwilio()
    {
        Assert.Equal(Signature, TwilioRequestValidator.ComputeSignature(Token, Url, Params));
        Assert.Equal("CYn1h0gLBdNxDGkKJg6hYohgeD8=", TwilioRequestValidator.ComputeSignature(Token, UrlWithPort, Params));
        Assert.Equal("a9nBmqA0ju/hNViExpshrM61xv4=", TwilioRequestValidator.ComputeSignature(Token, JsonUrl, []));
    }

    [Fact]
    public void Validate_WrongToken_Rejects() =>
        Assert.False(new TwilioRequestValidator("54321").Validate(Url, Params, Signature));

    [Fact]
    public void Validate_TamperedParameter_Rejects()
    {
        var tampered = Params.Select(p => p.Key == "Digits" ? new KeyValuePair<string, string>("Digits", "9999") : p);
        Assert.False(_validator.Validate(Url, tampered, Signature));
    }

    [Fact]
    public void Validate_ExtraParameter_Rejects() =>
        Assert.False(_validator.Validate(Url, [.. Params, new("CallStatus", "ringing")], Signature));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64 at all!")]
    [InlineData("RSOYDt4T1cUTdK1PDd93/VVr8B8")]
    [InlineData("ÄÖÜ\u0000")]
    public void Validate_MissingOrGarbageSignature_RejectsWithoutThrowing(string? signature) =>
        Assert.False(_validator.Validate(Url, Params, signature));

    [Fact]
    public void Validate_ReorderedParameters_Accepts() =>
        Assert.True(_validator.Validate(Url, Params.Reverse(), Signature));

    [Fact]
    public void Validate_TamperedQueryString_Rejects() =>
        Assert.False(_validator.Validate("https://mycompany.com/myapp.php?foo=1&bar=3", Params, Signature));

    [Fact]
    public void Validate_UrlWithoutPortSignedWithDefaultPort_Accepts()
    {
        var signedWithPort = TwilioRequestValidator.ComputeSignature(Token, "https://mycompany.com:443/myapp.php?foo=1&bar=2", Params);
        Assert.True(_validator.Validate(Url, Params, signedWithPort));
    }

    [Fact]
    public void Validate_UrlWithDefaultPortSignedWithout_Accepts() =>
        Assert.True(_validator.Validate("https://mycompany.com:443/myapp.php?foo=1&bar=2", Params, Signature));

    [Fact]
    public void Validate_HttpUrlSignedWithPort80_Accepts()
    {
        var signed = TwilioRequestValidator.ComputeSignature(Token, "http://studio.local:80/twilio/voice", Params);
        Assert.True(_validator.Validate("http://studio.local/twilio/voice", Params, signed));
    }

    [Fact]
    public void Validate_NonDefaultPortSignedWithOtherPort_Rejects()
    {
        var signed = TwilioRequestValidator.ComputeSignature(Token, "https://mycompany.com:8443/myapp.php?foo=1&bar=2", Params);
        Assert.False(_validator.Validate(UrlWithPort, Params, signed));
    }

    [Fact]
    public void Validate_UnicodeParameters_SignsUtf8()
    {
        KeyValuePair<string, string>[] unicode = [new("CallerName", "Zoë Ångström"), new("City", "Zürich")];
        var signed = TwilioRequestValidator.ComputeSignature(Token, Url, unicode);
        Assert.True(_validator.Validate(Url, unicode, signed));
        Assert.False(_validator.Validate(Url, [new("CallerName", "Zoe Angstrom"), new("City", "Zurich")], signed));
    }

    [Fact]
    public void ValidateBody_TamperedBody_Rejects() =>
        Assert.False(_validator.ValidateBody(JsonUrl, JsonBody.Replace("true", "false", StringComparison.Ordinal), "a9nBmqA0ju/hNViExpshrM61xv4="));

    [Fact]
    public void ValidateBody_NoBodyHashInUrl_Rejects()
    {
        var signed = TwilioRequestValidator.ComputeSignature(Token, Url, []);
        Assert.False(_validator.ValidateBody(Url, JsonBody, signed));
    }

    [Fact]
    public void ValidateBody_WrongSignature_Rejects() =>
        Assert.False(_validator.ValidateBody(JsonUrl, JsonBody, Signature));

    [Fact]
    public void Constructor_EmptyToken_Throws() =>
        Assert.Throws<ArgumentException>(() => new TwilioRequestValidator(""));
}
