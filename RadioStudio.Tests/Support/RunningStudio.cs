using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace RadioStudio.Tests.Support;

/// <summary>The built studio running as its own process on a free port, with its output captured.</summary>
public sealed partial class RunningStudio : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource<string> _url = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private RunningStudio(Process process) => _process = process;

    public string Url => _url.Task.Result;

    public int Id => _process.Id;

    public string Output => string.Join('\n', _output);

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts the studio and waits until it says where it listens.</summary>
    public static async Task<RunningStudio> StartAsync(IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "RadioStudio.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        start.Environment["RADIOSTUDIO_CONFIG"] = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var studio = new RunningStudio(Process.Start(start)!);
        studio._process.OutputDataReceived += (_, e) => studio.Take(e.Data);
        studio._process.ErrorDataReceived += (_, e) => studio.Take(e.Data);
        studio._process.BeginOutputReadLine();
        studio._process.BeginErrorReadLine();
        try
        {
            await studio._url.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            await studio.DisposeAsync();
            throw new TimeoutException("The studio did not start listening:\n" + studio.Output);
        }

        return studio;
    }

    /// <summary>Sends SIGTERM, as Ctrl+C or systemd would.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>Waits for the process to end; false if it is still running after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
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
    }

    private void Take(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        var match = ListeningOn().Match(line);
        if (match.Success)
        {
            _url.TrySetResult(match.Groups[1].Value);
        }
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningOn();
}
