using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace PgGuard.EndToEnd.Tests;

/// <summary>What one <c>dotnet</c> invocation printed and returned.</summary>
internal sealed record CliResult(string CommandLine, int ExitCode, string Output)
{
    public IEnumerable<string> Lines => Output.Split('\n').Select(l => l.TrimEnd('\r'));

    /// <summary>The command and its whole output, for assertion messages.</summary>
    public string Describe() => $"`dotnet {CommandLine}` exited {ExitCode}:\n{Output}";
}

/// <summary>Runs the SDK that runs the tests, isolated from the MSBuild that may have started this test run.</summary>
internal static class DotNetCli
{
    /// <summary>The dotnet host: the SDK sets DOTNET_HOST_PATH for the processes it starts (the test host among them).</summary>
    private static readonly string Executable = FindExecutable();

    public static CliResult Run(string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        var info = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // `dotnet test` hands its own MSBuild's paths and settings to child processes; a nested build must start clean.
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(name);
        }
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";

        var commandLine = string.Join(" ", arguments);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start dotnet {commandLine}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"`dotnet {commandLine}` did not finish within {timeout.TotalSeconds:0} s:\n{Collect(stdout, stderr)}");
        }
        return new CliResult(commandLine, process.ExitCode, Collect(stdout, stderr));
    }

    /// <summary>
    /// The output once both pipes close. A grandchild that inherited a pipe (a build server) could keep it open after
    /// the exit, so this waits a bounded time rather than forever.
    /// </summary>
    private static string Collect(Task<string> stdout, Task<string> stderr)
    {
        Task.WaitAll(new Task[] { stdout, stderr }, TimeSpan.FromSeconds(30));
        var text = stdout.IsCompletedSuccessfully ? stdout.Result : "(standard output not closed)\n";
        return stderr.IsCompletedSuccessfully ? text + stderr.Result : text + "(standard error not closed)\n";
    }

    private static string FindExecutable()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host))
        {
            return host;
        }
        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return current;
        }
        return "dotnet";
    }
}
