using System.Text;
using RadioStudio.Engine.Telephony.Twilio;
using SdkValidator = Twilio.Security.RequestValidator;

namespace RadioStudio.Tests.Engine.Telephony.Twilio.Oracle;

/// <summary>
/// Twilio's own SDK (8.2.0) as an independent oracle for <see cref="TwilioRequestValidator"/>: on thousands of
/// generated webhook URLs and form parameters signed exactly as received, the two agree on every accept and every
/// reject. Where they are documented to differ (the other port spelling, an empty signature) ours is the one the
/// studio keeps, and the tests pin why.
/// </summary>
public sealed class TwilioSignatureOracleTests
{
    private const int Cases = 4000;

    [Fact]
    public void Validate_GeneratedRequestsSignedAsReceived_AgreesWithTwilioSdkOnEveryCase()
    {
        var random = new Random(1604);
        var (accepted, rejected) = (0, 0);
        for (var i = 0; i < Cases; i++)
        {
            var token = Token(random);
            var url = Url(random);
            var parameters = Parameters(random);
            var (signature, kind) = Signature(random, token, url, parameters);

            var ours = new TwilioRequestValidator(token).Validate(url, parameters, signature);
            var sdk = new SdkValidator(token).Validate(url, new Dictionary<string, string>(parameters), signature);

            Assert.True(ours == sdk, $"case {i} ({kind}): ours {ours}, SDK {sdk} for {url} with {parameters.Count} parameters");
            Assert.Equal(kind == "valid", ours);
            _ = ours ? accepted++ : rejected++;
        }

        // Both outcomes were exercised in bulk, not just one.
        Assert.InRange(accepted, Cases / 4, Cases);
        Assert.InRange(rejected, Cases / 4, Cases);
    }

    [Fact]
    public void Validate_SignedWithTheOtherPortSpelling_OursAcceptsAllWhileTheSdkRejectsSome()
    {
        var random = new Random(443);
        var sdkRejected = 0;
        for (var i = 0; i < 1000; i++)
        {
            var token = Token(random);
            // Kestrel behind a proxy hands over "https://host:443/…"; Twilio signed the URL as entered, without the port.
            var signedAs = Url(random, port: false);
            var received = WithDefaultPort(signedAs);
            var parameters = Parameters(random);
            var signature = TwilioRequestValidator.ComputeSignature(token, signedAs, parameters);

            Assert.True(new TwilioRequestValidator(token).Validate(received, parameters, signature), signedAs);
            sdkRejected += new SdkValidator(token).Validate(received, new Dictionary<string, string>(parameters), signature) ? 0 : 1;
        }

        // Twilio signs with or without :443 depending on how the number's webhook was entered; the SDK misses many.
        Assert.True(sdkRejected > 100, $"the SDK rejected only {sdkRejected} of 1000");
    }

    [Fact]
    public void Validate_EmptySignature_OursRejectsTheSdkThrows()
    {
        const string url = "https://studio.example.com/twilio/voice";
        var parameters = new Dictionary<string, string> { ["CallSid"] = "CA1" };

        Assert.False(new TwilioRequestValidator("token").Validate(url, parameters, ""));
        Assert.ThrowsAny<ArgumentException>(() => new SdkValidator("token").Validate(url, parameters, ""));
    }

    private static string Token(Random random) => Convert.ToHexStringLower(RandomBytes(random, 16));

    private static string Url(Random random, bool port = true)
    {
        var scheme = random.Next(4) == 0 ? "http" : "https";
        string[] hosts = ["studio.example.com", "abc123.ngrok-free.app", "radio.example.org", "127.0.0.1", "xn--rdio-5qa.example"];
        var url = new StringBuilder($"{scheme}://{hosts[random.Next(hosts.Length)]}");
        if (port && random.Next(5) == 0)
        {
            url.Append(':').Append(random.Next(1025, 65535));
        }

        for (var segments = random.Next(0, 4); segments > 0; segments--)
        {
            url.Append('/').Append(Word(random, 1, 10));
        }

        url.Append(random.Next(2) == 0 ? "/twilio/voice" : "/twilio/status");
        if (random.Next(3) == 0)
        {
            url.Append("?line=").Append(random.Next(1, 9)).Append("&show=").Append(Uri.EscapeDataString(Word(random, 1, 6)));
        }

        return url.ToString();
    }

    private static string WithDefaultPort(string url)
    {
        var uri = new Uri(url);
        return $"{uri.Scheme}://{uri.Host}:{uri.Port}{uri.PathAndQuery}";
    }

    private static Dictionary<string, string> Parameters(Random random)
    {
        string[] known = ["CallSid", "AccountSid", "From", "To", "CallStatus", "Direction", "ApiVersion", "Caller", "CallerCity", "StreamSid", "Digits"];
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var n = random.Next(0, 12); n > 0; n--)
        {
            var key = random.Next(3) == 0 ? Word(random, 1, 12) : known[random.Next(known.Length)];
            parameters[key] = Value(random);
        }

        return parameters;
    }

    private static (string? Signature, string Kind) Signature(Random random, string token, string url, Dictionary<string, string> parameters)
    {
        switch (random.Next(6))
        {
            case 0:
                return (TwilioRequestValidator.ComputeSignature(Token(random), url, parameters), "other token");
            case 1:
                var tampered = new Dictionary<string, string>(parameters) { ["From"] = "+1555" + random.Next(1_000_000, 9_999_999) };
                return (TwilioRequestValidator.ComputeSignature(token, url, tampered), "tampered form");
            case 2:
                return (Convert.ToBase64String(RandomBytes(random, 20)), "random bytes");
            default:
                return (TwilioRequestValidator.ComputeSignature(token, url, parameters), "valid");
        }
    }

    private static string Word(Random random, int min, int max)
    {
        const string letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_";
        return new string([.. Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => letters[random.Next(letters.Length)])]);
    }

    private static string Value(Random random)
    {
        string[] pieces = ["+15551234567", "in-progress", " ", "&", "=", "ü", "東京", "😀", "a b", "%20", "<x>", "\"", "'", "\n", "O'Brien", ""];
        var text = new StringBuilder();
        for (var n = random.Next(0, 5); n > 0; n--)
        {
            text.Append(random.Next(2) == 0 ? pieces[random.Next(pieces.Length)] : Word(random, 1, 8));
        }

        return text.ToString();
    }

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
