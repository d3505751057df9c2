using System.Diagnostics;

namespace RadioStudio.Engine.Export;

/// <summary>
/// One ffmpeg run, below normal priority (the audio clock never waits for it), killed with its children when the
/// caller cancels. Standard error is collected (ffmpeg prints its measurements there); standard input and output
/// stay open to the caller when asked for, so audio can be piped through the studio's own code.
/// </summary>
internal sealed class FfmpegProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stderr;

    private readonly string _tool;

    private FfmpegProcess(string tool, Process process, CancellationToken cancellationToken)
    {
        _tool = tool;
        _process = process;
        _stderr = process.StandardError.ReadToEndAsync(cancellationToken);
    }

    /// <summary>The pipe into ffmpeg (when started with <c>input: true</c>).</summary>
    public Stream Input => _process.StandardInput.BaseStream;

    /// <summary>The pipe out of ffmpeg (when started with <c>output: true</c>).</summary>
    public Stream Output => _process.StandardOutput.BaseStream;

    /// <summary>Starts ffmpeg with <paramref name="arguments"/> after its quiet, single-threaded defaults.</summary>
    /// <exception cref="InvalidOperationException">ffmpeg is not installed.</exception>
    public static FfmpegProcess Start(IReadOnlyList<string> arguments, bool input, bool output, CancellationToken cancellationToken) =>
        Start("ffmpeg", ["-hide_banner", "-nostdin", "-nostats", "-threads", "1", .. arguments], input, output, cancellationToken);

    private static FfmpegProcess Start(string tool, IReadOnlyList<string> arguments, bool input, bool output, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardError = true,
            RedirectStandardInput = input,
            RedirectStandardOutput = output,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} could not be started.");
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            throw new InvalidOperationException($"{tool} could not be started (install ffmpeg): {error.Message}", error);
        }

        try
        {
            process.PriorityClass = ProcessPriorityClass.BelowNormal;
        }
        catch (Exception error) when (error is InvalidOperationException or System.ComponentModel.Win32Exception or PlatformNotSupportedException)
        {
            // Exited already, or not allowed here: it still runs apart from the clock.
        }

        return new FfmpegProcess(tool, process, cancellationToken);
    }

    /// <summary>Runs ffprobe with <paramref name="arguments"/>; returns what it printed on standard output.</summary>
    public static async Task<string> ProbeAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        using var probe = Start("ffprobe", arguments, input: false, output: true, cancellationToken);
        var printed = await new StreamReader(probe.Output).ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        await probe.WaitAsync(cancellationToken).ConfigureAwait(false);
        return printed;
    }

    /// <summary>Runs ffmpeg to the end; returns what it printed on standard error, or throws with its last lines.</summary>
    public static async Task<string> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        using var ffmpeg = Start(arguments, input: false, output: false, cancellationToken);
        return await ffmpeg.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits for ffmpeg to exit; returns standard error, or throws with its last lines when it failed.</summary>
    public async Task<string> WaitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw;
        }

        var printed = await _stderr.ConfigureAwait(false);
        return _process.ExitCode == 0
            ? printed
            : throw new InvalidOperationException($"{_tool} failed ({_process.ExitCode}): {string.Join(" / ", printed.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(3))}");
    }

    /// <summary>Ends ffmpeg now (a failed or cancelled render).</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (Exception error) when (error is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Gone already.
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
