using Microsoft.AspNetCore.Builder;
using RadioStudio.Web.Hosting;

namespace RadioStudio.Bench;

/// <summary>
/// The real studio (StudioHost.Build, the composition Program.cs runs) hosted in the bench's own process, on a free
/// 127.0.0.1 port, over a temporary data folder whose show is already live, with Twilio credentials the simulator
/// signs with and its REST API pointed at a closed port; stopped and its folder deleted after the measurement.
/// </summary>
internal static class InProcessStudio
{
    /// <summary>Starts the studio with <paramref name="settings"/> over the defaults, runs <paramref name="measure"/> (app, base URL), stops it.</summary>
    public static async Task<int> RunAsync(string name, IEnumerable<string> settings, Func<WebApplication, string, Task<int>> measure)
    {
        var data = Directory.CreateTempSubdirectory($"radiostudio-{name}-");
        await StudioProcess.SeedLiveShowAsync(data.FullName);
        var baseUrl = $"http://127.0.0.1:{StudioProcess.FreePort()}";
        Environment.SetEnvironmentVariable(StudioConfiguration.ConfigFileVariable, Path.Combine(AppContext.BaseDirectory, "appsettings.json"));
        var app = StudioHost.Build(
        [
            "--urls", baseUrl,
            "--environment", "Production",
            $"--Storage:Path={data.FullName}",
            $"--Twilio:AccountSid={StudioProcess.AccountSid}",
            $"--Twilio:AuthToken={StudioProcess.AuthToken}",
            "--Twilio:ApiBaseUrl=http://127.0.0.1:9",
            "--Logging:LogLevel:Default=Warning",
            .. settings,
        ]);
        await app.StartAsync();
        try
        {
            return await measure(app, baseUrl);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            data.Delete(recursive: true);
        }
    }

    /// <summary>Language model, speech-to-text and text-to-speech all pointed at the tests' fake OpenAI-compatible server.</summary>
    public static string[] FakeProviders(string fakeBaseUrl) =>
    [
        "--Llm:Provider=openai", $"--Llm:Endpoint={fakeBaseUrl}", "--Llm:ApiKey=bench", "--Llm:Model=fake-dialogue", "--Llm:UtilityModel=fake-cheap",
        "--SpeechToText:Provider=openai", $"--SpeechToText:Endpoint={fakeBaseUrl}", "--SpeechToText:ApiKey=bench", "--SpeechToText:Model=fake-stt",
        "--TextToSpeech:Provider=openai", $"--TextToSpeech:Endpoint={fakeBaseUrl}", "--TextToSpeech:ApiKey=bench", "--TextToSpeech:Model=fake-tts",
    ];
}
