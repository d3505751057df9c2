using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RadioStudio.Engine.Persistence;
using RadioStudio.Engine.Studio;

namespace RadioStudio.Bench;

/// <summary>
/// The real studio (RadioStudio.Web.dll) as its own process on 127.0.0.1, already ON AIR: the data folder
/// is seeded with a live show, which the studio restores at start exactly as after a mid-show restart.
/// </summary>
internal sealed class StudioProcess : IAsyncDisposable
{
    public const string AccountSid = "AC00000000000000000000000000000b0b";
    public const string AuthToken = "load-runner-token";

    private readonly Process _process;
    private readonly DirectoryInfo _data;
    private readonly SemaphoreSlim _outputChanged = new(0);

    private StudioProcess(Process process, DirectoryInfo data, string baseUrl)
    {
        (_process, _data, BaseUrl) = (process, data, baseUrl);
    }

    public string BaseUrl { get; }

    public ConcurrentQueue<string> Output { get; } = new();

    public static async Task<StudioProcess> StartAsync(int maxLines)
    {
        var data = Directory.CreateTempSubdirectory("radiostudio-load-");
        await SeedLiveShowAsync(data.FullName);
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "RadioStudio.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["RADIOSTUDIO_CONFIG"] = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Storage__Path"] = data.FullName;
        start.Environment["Twilio__AccountSid"] = AccountSid;
        start.Environment["Twilio__AuthToken"] = AuthToken;
        start.Environment["Twilio__ApiBaseUrl"] = "http://127.0.0.1:9";
        start.Environment["Twilio__MaxLines"] = maxLines.ToString(CultureInfo.InvariantCulture);
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Audio__DiagnoseClock"] = "true";

        // As the README's run command starts it (RadioStudio.Web/Properties/launchSettings.json): a 256 MiB gen0
        // budget, so the studio's little steady garbage never triggers a collection that stops the audio clock.
        start.Environment["DOTNET_GCgen0size"] = "0x10000000";
        start.Environment["DOTNET_EnableWriteXorExecute"] = "0";
        start.Environment["Logging__LogLevel__RadioStudio.Engine.Telephony.Twilio.MediaStreamSession"] = "Information";
        start.Environment["Logging__LogLevel__RadioStudio.Engine.Audio.Graph.AudioService"] = "Information";
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var studio = new StudioProcess(process, data, $"http://127.0.0.1:{port}");
        process.OutputDataReceived += (_, e) => studio.OnOutput(e.Data);
        process.ErrorDataReceived += (_, e) => studio.OnOutput(e.Data);
        process.Exited += (_, _) => studio._outputChanged.Release();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!await studio.WaitForOutputAsync(lines => lines.Any(l => l.Contains("RadioStudio is running", StringComparison.Ordinal)), TimeSpan.FromSeconds(60)))
        {
            throw new InvalidOperationException("The studio did not start: " + string.Join('\n', studio.Output));
        }

        return studio;
    }

    /// <summary>CPU seconds the studio process has used (user + system).</summary>
    public double CpuSeconds()
    {
        var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    /// <summary>Resident memory of the studio process, in MiB.</summary>
    public double ResidentMiB()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }

    /// <summary>
    /// Asks the studio to shut down the way Ctrl+C or systemd would (SIGTERM), so hosted services stop and log
    /// their summaries (the audio clock's interval histogram among them). Returns whether it exited in time.
    /// </summary>
    public async Task<bool> StopGracefullyAsync(TimeSpan timeout)
    {
        if (_process.HasExited)
        {
            return true;
        }

        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
        {
            if (kill is not null)
            {
                await kill.WaitForExitAsync();
            }
        }

        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
            _process.WaitForExit(); // drains the redirected output
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _outputChanged.Dispose();
        _data.Delete(recursive: true);
    }

    internal static async Task SeedLiveShowAsync(string folder)
    {
        using var repository = new SqliteStudioRepository(Options.Create(new StorageOptions { Path = folder }));
        var engine = new StudioEngine(repository, new StudioEventLogSink(TimeProvider.System), TimeProvider.System,
            Options.Create(new StudioOptions { ShowTitle = "Load test" }), NullLogger<StudioEngine>.Instance);
        await engine.StartAsync(CancellationToken.None);
        await engine.SetOnAirAsync(true);
        await engine.DisposeAsync();
    }

    /// <summary>Waits (without polling) until the studio's output satisfies <paramref name="done"/>, it exits, or time runs out.</summary>
    public async Task<bool> WaitForOutputAsync(Func<IEnumerable<string>, bool> done, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (!done(Output))
        {
            if (_process.HasExited)
            {
                return done(Output);
            }

            try
            {
                await _outputChanged.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                return done(Output);
            }
        }

        return true;
    }

    private void OnOutput(string? line)
    {
        if (line is not null)
        {
            Output.Enqueue(line);
            _outputChanged.Release();
        }
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
