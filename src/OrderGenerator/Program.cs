Console.Out.WriteLine("OrderGenerator: queues orders on Service Bus or Kafka (arrives with the messaging issue).");
return 0;
