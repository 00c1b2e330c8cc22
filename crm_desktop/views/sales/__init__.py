"""The sales screens: the Orders tab (quotations and sales orders), their forms, the delivery dialog,
the lines editor they share with deals and the quotation PDF preview."""
