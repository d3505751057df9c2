using BenchmarkDotNet.Running;
using RadioStudio.Bench;

// dotnet run -c Release --project RadioStudio.Bench -- bench [BenchmarkDotNet args]
// dotnet run -c Release --project RadioStudio.Bench -- load [--callers 50] [--seconds 60]
// dotnet run -c Release --project RadioStudio.Bench -- latency [--talkers 4] [--bursts 20] [--holding 0] [--spacing-ms 1500]
// dotnet run -c Release --project RadioStudio.Bench -- ai [--turns 20] [--warmup 1] [--stt-ms 100] [--first-token-ms 300] [--tokens-per-second 20] [--tts-ms 150] [--utility-ms 0] [--no-turn-warmup]
// dotnet run -c Release --project RadioStudio.Bench -- listen [heard.wav] [--seconds 5]
// dotnet run -c Release --project RadioStudio.Bench -- path [--seconds 2]
// dotnet run -c Release --project RadioStudio.Bench -- quality [--quality Standard] [--tones 200]
// dotnet run -c Release --project RadioStudio.Bench -- probe [--seconds 60]
// dotnet run -c Release --project RadioStudio.Bench -- export [--minutes 60]
// dotnet run -c Release --project RadioStudio.Bench -- screening [--callers 12] [--stt-ms 300] [--llm-ms 600] [--tts-ms 200]
// dotnet run -c Release --project RadioStudio.Bench -- voices [--sentences 20] [--only flite|espeak-ng|festival]
// dotnet run -c Release --project RadioStudio.Bench -- stt [--data ./data] [--sentences 12] [--threads 4]
return args.FirstOrDefault() switch
{
    "bench" => RunBenchmarks(args[1..]),
    "load" => await PhoneLoadRunner.RunAsync(args[1..]),
    "latency" => await LatencyRunner.RunAsync(args[1..]),
    "ai" => await AiLatencyRunner.RunAsync(args[1..]),
    "listen" => await ListenRunner.RunAsync(args[1..]),
    "path" => PathCostRunner.Run(args[1..]),
    "quality" => ResamplerQualityRunner.Run(args[1..]),
    "probe" => PlatformProbe.Run(args[1..]),
    "export" => await ExportRenderRunner.RunAsync(args[1..]),
    "screening" => await ScreeningLoadRunner.RunAsync(args[1..]),
    "voices" => await VoiceIntelligibilityRunner.RunAsync(args[1..]),
    "stt" => await SttAccuracyRunner.RunAsync(args[1..], Console.Out),
    _ => Usage(),
};

static int RunBenchmarks(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(FrameHandlingBenchmarks).Assembly).Run(args.Length == 0 ? ["--filter", "*"] : args);
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: RadioStudio.Bench bench [BenchmarkDotNet args] | load [--callers N] [--seconds S] | latency [--talkers N] [--bursts N] [--holding N] [--spacing-ms MS] | ai [--turns N] | listen [file.wav] [--seconds S] | path [--seconds S] | quality [--quality Fast|Standard|High] [--tones N] | probe [--seconds S] | export [--minutes M] | screening [--callers N] | voices [--sentences N] [--only ENGINE] | stt [--data DIR] [--sentences N] [--threads N]");
    return 2;
}
