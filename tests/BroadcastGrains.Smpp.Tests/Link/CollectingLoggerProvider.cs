using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace BroadcastGrains.Smpp.Tests.Link;

/// <summary>Keeps every log line (level and text), so a test can read what an operator would see.</summary>
internal sealed class CollectingLoggerProvider : ILoggerProvider
{
    readonly ConcurrentQueue<(LogLevel Level, string Text)> _lines = new();

    public IReadOnlyList<(LogLevel Level, string Text)> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Collector(_lines);

    public void Dispose()
    {
    }

    sealed class Collector(ConcurrentQueue<(LogLevel, string)> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                lines.Enqueue((logLevel, formatter(state, exception)));
            }
        }
    }
}
