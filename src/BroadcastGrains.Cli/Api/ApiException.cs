namespace BroadcastGrains.Cli.Api;

/// <summary>The API answered with a problem.</summary>
internal sealed class ApiException(ApiProblem problem) : Exception($"{problem.Title} ({problem.Code}): {problem.Detail}")
{
    public ApiProblem Problem { get; } = problem;
}
