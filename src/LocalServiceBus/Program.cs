using LocalServiceBus;

return await LocalServiceBusCommand.RunAsync(args);
