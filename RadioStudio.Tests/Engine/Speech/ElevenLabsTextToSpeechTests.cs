using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using RadioStudio.Engine.Speech;
using RadioStudio.Engine.Speech.ElevenLabs;
using static RadioStudio.Tests.Engine.Speech.SpeechDecoratorTests;

namespace RadioStudio.Tests.Engine.Speech;

public sealed class ElevenLabsTextToSpeechTests
{
    [Fact]
    public async Task SynthesizeStreamingAsync_Text_PostsStreamRequestWithKeyAndModel()
    {
        string? path = null, query = null, key = null, body = null;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        await using var app = builder.Build();
        app.MapPost("/v1/text-to-speech/{voice}/stream", async (HttpContext context) =>
        {
            (path, query, key) = (context.Request.Path.Value, context.Request.QueryString.Value, context.Request.Headers["xi-api-key"].ToString());
            body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            context.Response.ContentType = "application/octet-stream";
            await context.Response.Body.WriteAsync(new byte[4800 * 2]);
        });
        await app.StartAsync();
        using var http = new HttpClient();
        var options = new TextToSpeechProviderOptions { Endpoint = app.Urls.First(), ApiKey = "xi-secret" };
        var client = new ElevenLabsTextToSpeech(options, http);

        var chunks = await Collect(client.SynthesizeStreamingAsync("Good evening", new TextToSpeechOptions(Voice: "pNInz6obpgDQGcFmaJgB")));

        Assert.Equal("/v1/text-to-speech/pNInz6obpgDQGcFmaJgB/stream", path);
        Assert.Equal("?output_format=pcm_24000", query);
        Assert.Equal("xi-secret", key);
        var json = JsonNode.Parse(body!)!;
        Assert.Equal("Good evening", (string?)json["text"]);
        Assert.Equal("eleven_flash_v2_5", (string?)json["model_id"]);
        Assert.Equal(4800, chunks.Sum(c => c.Samples.Length));
        Assert.All(chunks, c => Assert.Equal(24_000, c.SampleRate));
    }

    [Fact]
    public void Voices_Configured_AreParsedWithGender()
    {
        var options = new TextToSpeechProviderOptions();
        options.Voices.Add("abc123|Marge|female");
        options.Voices.Add("def456|Bob|Male");
        using var http = new HttpClient();

        var voices = new ElevenLabsTextToSpeech(options, http).Voices;

        Assert.Equal([new VoiceInfo("abc123", "Marge", VoiceGender.Female), new VoiceInfo("def456", "Bob", VoiceGender.Male)], voices);
    }

    [Fact]
    public void Voices_NoneConfigured_OffersPremadeVoicesOfBothGenders()
    {
        using var http = new HttpClient();

        var voices = new ElevenLabsTextToSpeech(new TextToSpeechProviderOptions(), http).Voices;

        Assert.Contains(voices, v => v.Gender == VoiceGender.Female);
        Assert.Contains(voices, v => v.Gender == VoiceGender.Male);
    }

    [Fact]
    public void ParseVoice_UnknownGender_NamesTheSetting()
    {
        var error = Assert.Throws<ArgumentException>(() => ElevenLabsTextToSpeech.ParseVoice("id|Name|robot"));

        Assert.Contains("TextToSpeech:Voices", error.Message, StringComparison.Ordinal);
    }
}
