using System.Globalization;
using RadioStudio.Engine.Audio.Codecs;
using RadioStudio.Engine.Telephony.Simulator;

namespace RadioStudio.Bench;

/// <summary>
/// One simulated caller dials the real studio and records what they hear for a few seconds (hold music
/// while queued) into a WAV, so the audio can be measured with sox or listened to.
/// </summary>
internal static class ListenRunner
{
    public static async Task<int> RunAsync(string[] args)
    {
        var output = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "heard.wav";
        var seconds = args.Contains("--seconds") ? double.Parse(args[Array.IndexOf(args, "--seconds") + 1], CultureInfo.InvariantCulture) : 5;
        await using var studio = await StudioProcess.StartAsync(maxLines: 4);
        using var http = new HttpClient();
        await using var call = await new PhoneSimulator(http).PlaceCallAsync(new SimulatedCallOptions(
            new Uri(studio.BaseUrl), studio.BaseUrl, StudioProcess.AccountSid, StudioProcess.AuthToken, "+15550300000", "+15550100000"));
        if (call.RefusedWith is { } refused)
        {
            Console.Error.WriteLine($"refused: {refused}");
            return 1;
        }

        await Task.Delay(TimeSpan.FromSeconds(seconds));
        await call.HangUpAsync();
        var heard = call.ReceivedAudio();
        var samples = new float[heard.Length];
        MuLaw.Decode(heard, samples);
        using (var wav = new WavWriter(output, 8000, 1, WavSampleFormat.Pcm16))
        {
            wav.Write(samples);
        }

        Console.WriteLine($"{heard.Length / 8000.0:0.00} s heard in {call.ReceivedFrames().Length} frames → {Path.GetFullPath(output)}");
        return 0;
    }
}
