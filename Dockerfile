# The silo image: the HTTP API and an Orleans silo in one process.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/BroadcastGrains.Silo -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://0.0.0.0:5080
EXPOSE 5080 11111 30000
ENTRYPOINT ["dotnet", "BroadcastGrains.Silo.dll"]
