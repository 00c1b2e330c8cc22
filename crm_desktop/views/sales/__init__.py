"""The sales screens: the Orders tab (quotations and sales orders), their forms, the delivery dialog."""
