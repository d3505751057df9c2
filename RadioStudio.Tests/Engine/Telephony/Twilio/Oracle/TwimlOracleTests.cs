using System.Xml.Linq;
using RadioStudio.Engine.Telephony.Twilio;
using Twilio.TwiML;
using Twilio.TwiML.Voice;
using SdkStream = Twilio.TwiML.Voice.Stream;

namespace RadioStudio.Tests.Engine.Telephony.Twilio.Oracle;

/// <summary>
/// Our TwiML against the Twilio SDK's <see cref="VoiceResponse"/> for the verbs the studio uses (Say, Pause,
/// Connect/Stream/Parameter with a status callback, Hangup, Reject): generated documents parse to the same XML
/// tree (element names, attributes, text), whatever the declaration and empty-element spelling.
/// </summary>
public sealed class TwimlOracleTests
{
    private static readonly string[] Voices = ["Polly.Joanna", "Polly.Matthew", "alice", "man", "woman", "Google.en-US-Neural2-F"];

    [Fact]
    public void StudioAnswers_GeneratedCalls_ParseToTheSameDocumentAsTheSdk()
    {
        var random = new Random(16);
        for (var i = 0; i < 1500; i++)
        {
            var text = Text(random);
            var voice = random.Next(3) == 0 ? null : Voices[random.Next(Voices.Length)];
            var streamUrl = $"wss://{Host(random)}/twilio/media";
            var parameters = Parameters(random);
            var callback = random.Next(2) == 0 ? null : $"https://{Host(random)}/twilio/stream-status";

            var (ours, sdk) = (i % 3) switch
            {
                0 => (StudioTwiml.OffAir(text, voice), SdkSay(text, voice).Hangup().ToString()),
                1 => (StudioTwiml.Busy(text, voice), SdkSay(text, voice).Hangup().ToString()),
                _ => (StudioTwiml.OnAir(text, voice, streamUrl, parameters, callback), SdkOnAir(text, voice, streamUrl, parameters, callback).ToString()),
            };

            AssertSameTree(XDocument.Parse(sdk).Root!, XDocument.Parse(ours).Root!, $"case {i}");
        }
    }

    [Fact]
    public void Builder_PauseAndReject_ParseToTheSameDocumentAsTheSdk()
    {
        var ours = new TwimlBuilder().Say("One moment & stay <on> the line", "Polly.Joanna").Pause(2).Reject("busy").Build();
        var sdk = new VoiceResponse()
            .Say("One moment & stay <on> the line", voice: "Polly.Joanna")
            .Pause(length: 2)
            .Reject(reason: Reject.ReasonEnum.Busy);

        AssertSameTree(XDocument.Parse(sdk.ToString()).Root!, XDocument.Parse(ours).Root!, "pause/reject");
    }

    [Fact]
    public void Say_ControlCharacterInText_OursStripsItTheSdkThrows()
    {
        var ours = StudioTwiml.OffAir("Caller\u0007 name", null);

        Assert.Equal("Caller name", XDocument.Parse(ours).Root!.Element("Say")!.Value);
        Assert.ThrowsAny<Exception>(() => new VoiceResponse().Say("Caller\u0007 name").ToString());
    }

    private static VoiceResponse SdkSay(string text, string? voice) =>
        new VoiceResponse().Say(text, voice: voice is null ? null : (Say.VoiceEnum)voice);

    private static VoiceResponse SdkOnAir(string text, string? voice, string url, IReadOnlyDictionary<string, string> parameters, string? callback)
    {
        var stream = new SdkStream(url: url, statusCallback: callback, statusCallbackMethod: callback is null ? null : SdkStream.StatusCallbackMethodEnum.Post);
        foreach (var (name, value) in parameters)
        {
            stream.Parameter(name: name, value: value);
        }

        return SdkSay(text, voice).Append(new Connect().Append(stream));
    }

    private static void AssertSameTree(XElement expected, XElement actual, string context)
    {
        Assert.True(expected.Name == actual.Name, $"{context}: <{actual.Name}> where the SDK has <{expected.Name}>");
        var expectedAttributes = expected.Attributes().Where(a => !a.IsNamespaceDeclaration).Select(a => (a.Name.ToString(), a.Value)).Order().ToList();
        var actualAttributes = actual.Attributes().Where(a => !a.IsNamespaceDeclaration).Select(a => (a.Name.ToString(), a.Value)).Order().ToList();
        Assert.True(expectedAttributes.SequenceEqual(actualAttributes), $"{context}: <{actual.Name}> attributes [{string.Join(", ", actualAttributes)}] vs SDK [{string.Join(", ", expectedAttributes)}]");
        var expectedText = string.Concat(expected.Nodes().OfType<XText>().Select(t => t.Value));
        var actualText = string.Concat(actual.Nodes().OfType<XText>().Select(t => t.Value));
        Assert.True(expectedText == actualText, $"{context}: <{actual.Name}> text \"{actualText}\" vs SDK \"{expectedText}\"");
        var expectedChildren = expected.Elements().ToList();
        var actualChildren = actual.Elements().ToList();
        Assert.True(expectedChildren.Count == actualChildren.Count, $"{context}: <{actual.Name}> has {actualChildren.Count} children, the SDK's {expectedChildren.Count}");
        for (var i = 0; i < expectedChildren.Count; i++)
        {
            AssertSameTree(expectedChildren[i], actualChildren[i], context);
        }
    }

    private static string Host(Random random) => random.Next(3) switch
    {
        0 => "studio.example.com",
        1 => $"r{random.Next(100_000)}.ngrok-free.app",
        _ => $"radio.example.org:{random.Next(1025, 65535)}",
    };

    private static Dictionary<string, string> Parameters(Random random)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal) { ["callId"] = Guid.NewGuid().ToString("N") };
        string[] names = ["line", "from", "name", "token", "show", "screenerNote"];
        for (var n = random.Next(0, 5); n > 0; n--)
        {
            parameters[names[random.Next(names.Length)]] = Text(random);
        }

        return parameters;
    }

    private static string Text(Random random)
    {
        string[] pieces = ["Welcome to the show", "&", "<", ">", "\"", "'", "Zoë", "東京", "😀", "--", "]]>", "O'Brien & Sons", "  ", "caller #3", "100%"];
        var words = Enumerable.Range(0, random.Next(1, 8)).Select(_ => pieces[random.Next(pieces.Length)]);
        return "You " + string.Join(' ', words);
    }
}
