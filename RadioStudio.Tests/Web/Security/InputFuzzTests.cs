using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using RadioStudio.Engine.Telephony.Twilio;
using RadioStudio.Tests.Support;

namespace RadioStudio.Tests.Web.Security;

/// <summary>
/// Bounded, structure-aware fuzzing with fixed seeds: mutated Media Streams messages and webhook forms. Nothing may
/// throw out of the reader or the signature check, and no webhook answer may be a 500.
/// </summary>
public sealed class InputFuzzTests
{
    private static readonly string[] Templates =
    [
        """{"event":"connected","protocol":"Call","version":"1.0.0"}""",
        """{"event":"start","sequenceNumber":"1","start":{"accountSid":"AC1","streamSid":"MZ1","callSid":"CA1","tracks":["inbound"],"mediaFormat":{"encoding":"audio/x-mulaw","sampleRate":8000,"channels":1},"customParameters":{"token":"abc"}},"streamSid":"MZ1"}""",
        """{"event":"media","sequenceNumber":"3","media":{"track":"inbound","chunk":"1","timestamp":"5","payload":"//////////////////////////////////////////////////////////////////////////////////////////////////////////8="},"streamSid":"MZ1"}""",
        """{"event":"mark","sequenceNumber":"4","streamSid":"MZ1","mark":{"name":"m1"}}""",
        """{"event":"dtmf","streamSid":"MZ1","sequenceNumber":"5","dtmf":{"track":"inbound_track","digit":"1"}}""",
        """{"event":"stop","sequenceNumber":"6","streamSid":"MZ1","stop":{"accountSid":"AC1","callSid":"CA1"}}""",
    ];

    private static readonly string[] Splices =
    [
        "", "null", "true", "-1", "1e309", "99999999999999999999", "\"\"", "{}", "[]", "[[[[[[[[[[", "}", "\"\\u0000\"", "\"\\ud800\"",
        "\"%%%\"", "\"CA\\n\\u001b[2J\"", "{\"a\":{\"b\":{\"c\":{\"d\":{\"e\":{\"f\":{\"g\":{}}}}}}}}", "\"" + new string('A', 3000) + "\"",
    ];

    [Fact]
    public void MediaStreamReader_100kMutatedMessages_NeverThrows()
    {
        var random = new Random(20261204);
        var payload = new byte[2 * 320];
        var message = new StreamMessage();
        var watch = Stopwatch.StartNew();
        var parsed = 0;
        for (var i = 0; i < 100_000; i++)
        {
            var input = Mutate(random, Encoding.UTF8.GetBytes(Templates[random.Next(Templates.Length)]));
            if (StreamMessageReader.TryParse(input, payload, message))
            {
                parsed++;
            }
        }

        Assert.True(parsed > 1000, $"the mutations keep enough messages valid to reach the deep paths ({parsed})");
        Assert.True(parsed < 100_000, "the mutations break messages too");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task WebhookForms_100kMutatedBodies_ParseOrAreRefusedWithoutEscapingExceptions()
    {
        var random = new Random(4242);
        var validator = new TwilioRequestValidator("fuzz-token");
        var refused = 0;
        for (var i = 0; i < 100_000; i++)
        {
            var body = Mutate(random, Encoding.UTF8.GetBytes(Form(random)));
            try
            {
                // The same parser and limits the webhook uses.
                using var reader = new FormReader(new MemoryStream(body)) { ValueCountLimit = 128, KeyLengthLimit = 128, ValueLengthLimit = 16 * 1024 };
                var form = await reader.ReadFormAsync();
                var pairs = form.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? ""))).ToList();
                validator.Validate("https://studio.example.com/twilio/voice", pairs, random.Next(4) == 0 ? "" : Convert.ToBase64String(body.AsSpan(0, Math.Min(20, body.Length))));
            }
            catch (InvalidDataException)
            {
                refused++;
            }
        }

        Assert.True(refused > 0, "some mutated forms cross the limits");
    }

    [Fact]
    public async Task WebhookEndpoint_2000MutatedRequests_NeverAnswers500()
    {
        await using var factory = new StudioWebFactory(new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = "AC0123456789abcdef0123456789abcdef",
            ["Twilio:AuthToken"] = "fuzz-token",
        });
        using var client = factory.CreateClient();
        var random = new Random(77);
        for (var i = 0; i < 2000; i++)
        {
            using var content = new ByteArrayContent(Mutate(random, Encoding.UTF8.GetBytes(Form(random))));
            content.Headers.TryAddWithoutValidation("Content-Type", random.Next(5) == 0 ? "text/plain" : "application/x-www-form-urlencoded");
            using var request = new HttpRequestMessage(HttpMethod.Post, random.Next(2) == 0 ? "/twilio/voice" : "/twilio/status") { Content = content };
            if (random.Next(3) != 0)
            {
                request.Headers.TryAddWithoutValidation("X-Twilio-Signature", Convert.ToBase64String(Guid.NewGuid().ToByteArray()));
            }

            using var response = await client.SendAsync(request);
            Assert.True((int)response.StatusCode < 500, $"request {i} got {(int)response.StatusCode}");
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        }
    }

    private static string Form(Random random)
    {
        var fields = new List<string> { "AccountSid=AC1", "CallSid=CA" + random.Next(), "From=%2B14155550100", "To=%2B15550100000", "CallStatus=ringing" };
        var extra = random.Next(4) == 0 ? random.Next(300) : 0;
        for (var i = 0; i < extra; i++)
        {
            fields.Add($"F{i}={random.Next()}");
        }

        return string.Join('&', fields);
    }

    /// <summary>One to three mutations: flip, insert, delete, truncate, duplicate a span, or splice in a hostile JSON value.</summary>
    private static byte[] Mutate(Random random, byte[] input)
    {
        var bytes = new List<byte>(input);
        var count = random.Next(4);
        for (var m = 0; m < count && bytes.Count > 0; m++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes.Insert(at, (byte)random.Next(256));
                    break;
                case 2:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 8), bytes.Count - at));
                    break;
                case 3:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 4:
                    var length = Math.Min(random.Next(1, 40), bytes.Count - at);
                    bytes.InsertRange(at, bytes.GetRange(at, length));
                    break;
                default:
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(Splices[random.Next(Splices.Length)]));
                    break;
            }
        }

        return [.. bytes];
    }
}
